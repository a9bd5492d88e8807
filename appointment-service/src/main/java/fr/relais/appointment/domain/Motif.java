package fr.relais.appointment.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What an appointment is for, e.g. taking fingerprints for an ID card. A motif serves the procedure steps it
 * names, written {@code procedure/step} (generic help such as {@code accompagnement} names every step of the
 * procedures it helps with), lasts a fixed time, happens on one channel, and is offered at some sites. There is
 * no wildcard, over steps or procedures: a hold names a step the motif lists, and its journey's own procedure
 * (checked against journey.events), so generic help serves only real steps of the journey's procedure.
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
        return steps.contains(procedureId + "/" + stepId);
    }

    public boolean offeredAt(String siteId) {
        return sites.contains(siteId);
    }
}
