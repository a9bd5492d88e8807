package fr.relais.journey.domain;

import java.time.Instant;

/** The phone agent {@code agentSubject} verified the caller (resume code + check field) until {@code until}, exclusive. */
public record CallerVerification(String agentSubject, Instant until) {

    public boolean validFor(String agentSubject, Instant now) {
        return agentSubject != null && agentSubject.equals(this.agentSubject) && now.isBefore(until);
    }
}
