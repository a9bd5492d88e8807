package fr.relais.gateway.downstream;

import java.time.Instant;
import java.util.List;

/** journey-service's consents of a citizen, as it sends them (purposes: messages-email, messages-sms, messages-letter, calls, surveys). */
public final class ConsentAnswers {

    private ConsentAnswers() {
    }

    /** contactNeeded: email, phone, address or none; givenVia: portal, desk, phone, record. */
    public record Purpose(String purpose, boolean given, Instant givenAt, String givenVia, String contactNeeded,
                          boolean contactMissing) {
    }

    public record Entry(String purpose, Instant givenAt, String givenVia, String givenByRole, Instant withdrawnAt,
                        String withdrawnVia, String withdrawnByRole) {
    }

    public record Mine(boolean hasPerson, List<Purpose> purposes, List<Entry> history) {
    }
}
