package fr.relais.notification.channel;

/**
 * How one attempt on one channel ended: accepted (with the provider's id when it gives one), refused for now (try again
 * later), or refused for good (the next channel takes over). The reason is a code or a protocol status, never an
 * address or a text.
 */
public sealed interface SendResult {

    record Accepted(String providerId) implements SendResult {
    }

    record Temporary(String reason) implements SendResult {
    }

    record Permanent(String reason) implements SendResult {
    }
}
