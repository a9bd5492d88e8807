package fr.relais.mediation.domain;

import java.time.Duration;
import java.util.Objects;

/** How long a case of one priority may wait for a first contact and for its resolution. */
public record Sla(Duration firstContact, Duration resolution) {

    public Sla {
        Objects.requireNonNull(firstContact, "firstContact");
        Objects.requireNonNull(resolution, "resolution");
        if (firstContact.isNegative() || firstContact.isZero() || resolution.compareTo(firstContact) < 0) {
            throw new IllegalArgumentException("firstContact must be positive and no longer than resolution");
        }
    }
}
