package fr.relais.journey.domain;

import java.time.Instant;
import java.util.UUID;

/** A site may act for the citizen on one procedure until {@code expiresAt} (exclusive), unless revoked. */
public record Mandate(UUID mandateId, String site, String procedureId, Instant expiresAt, boolean revoked) {

    public boolean validFor(String site, String procedureId, Instant now) {
        return !revoked && site != null && site.equals(this.site) && procedureId.equals(this.procedureId)
                && now.isBefore(expiresAt);
    }

    Mandate revoke() {
        return new Mandate(mandateId, site, procedureId, expiresAt, true);
    }
}
