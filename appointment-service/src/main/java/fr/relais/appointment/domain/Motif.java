package fr.relais.appointment.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What an appointment is for, e.g. taking fingerprints for an ID card. A motif serves procedure steps
 * (written {@code procedure/step}; {@code *} as the step serves every step of a procedure, and
 * {@code *} alone serves any step: generic help), lasts a fixed time, happens on one channel, and is
 * offered at some sites.
 */
public record Motif(String id, String title, Set<String> steps, Duration duration, Channel channel,
                    BookingRules rules, Set<String> sites) {

    public Motif {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(rules, "rules");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("a motif lasts some time: " + duration);
        }
        steps = Set.copyOf(steps);
        sites = Set.copyOf(sites);
    }

    public boolean serves(String procedureId, String stepId) {
        return steps.contains("*") || steps.contains(procedureId + "/*") || steps.contains(procedureId + "/" + stepId);
    }

    public boolean offeredAt(String siteId) {
        return sites.contains(siteId);
    }
}
