package fr.relais.journey.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone may act for the citizen until {@code expiresAt} (exclusive), unless revoked: a site (its staff on the
 * journey's procedure), or an aidant, a relative or helper with an account ({@code aidantSubject}; site null).
 */
public record Mandate(UUID mandateId, String site, String procedureId, Instant expiresAt, boolean revoked,
                      String aidantSubject, UUID aidantPersonId) {

    public boolean validFor(String site, String procedureId, Instant now) {
        return !revoked && site != null && site.equals(this.site) && procedureId.equals(this.procedureId)
                && now.isBefore(expiresAt);
    }

    /** {@code subject} is this mandate's aidant and it still runs at {@code now}. */
    public boolean validForAidant(String subject, Instant now) {
        return !revoked && aidantSubject != null && aidantSubject.equals(subject) && now.isBefore(expiresAt);
    }

    @JsonIgnore
    public boolean isAidant() {
        return aidantSubject != null;
    }

    Mandate revoke() {
        return new Mandate(mandateId, site, procedureId, expiresAt, true, aidantSubject, aidantPersonId);
    }
}
