package fr.relais.journey.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The citizen was recorded present at a site. A presence counts at that site for the rest of the same
 * calendar day in Europe/Paris, and no longer after.
 */
public record Presence(String site, Instant at) {

    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    public boolean validAt(String site, Instant now) {
        return site != null && site.equals(this.site)
                && LocalDate.ofInstant(at, ZONE).equals(LocalDate.ofInstant(now, ZONE));
    }
}
