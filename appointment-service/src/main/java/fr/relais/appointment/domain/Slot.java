package fr.relais.appointment.domain;

import java.util.Objects;

/** A free time on one counter of one site, long enough for a motif. */
public record Slot(String site, String counter, TimeWindow window) {

    public Slot {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(counter, "counter");
        Objects.requireNonNull(window, "window");
    }
}
