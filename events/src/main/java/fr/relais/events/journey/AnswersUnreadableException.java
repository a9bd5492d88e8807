package fr.relais.events.journey;

/**
 * Sealed answers could not be opened: another key sealed them, or they were altered. The message
 * never contains answers or key material, so it can be logged and put in a dead-letter header.
 */
public class AnswersUnreadableException extends RuntimeException {

    public AnswersUnreadableException(String message) {
        super(message);
    }

    public AnswersUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }
}
