package fr.relais.messaging.inbox;

/** A record that can never be processed as it is; it goes to the dead-letter topic with this reason. */
public class PoisonRecordException extends Exception {

    public PoisonRecordException(String reason) {
        super(reason);
    }
}
