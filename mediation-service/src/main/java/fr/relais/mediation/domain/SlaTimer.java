package fr.relais.mediation.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A moment a case's SLA must be looked at: at risk (e.g. 80 % of the time used) or breached.
 * Stored as a due row so it fires after a restart too.
 */
public record SlaTimer(SlaKind sla, boolean breach, Instant dueAt) {

    /** The four timers of a newly opened case. */
    public static List<SlaTimer> plan(Instant openedAt, Instant firstContactDueAt, Instant resolutionDueAt,
                                      double atRiskRatio) {
        return List.of(
                new SlaTimer(SlaKind.FIRST_CONTACT, false, atRisk(openedAt, firstContactDueAt, atRiskRatio)),
                new SlaTimer(SlaKind.FIRST_CONTACT, true, firstContactDueAt),
                new SlaTimer(SlaKind.RESOLUTION, false, atRisk(openedAt, resolutionDueAt, atRiskRatio)),
                new SlaTimer(SlaKind.RESOLUTION, true, resolutionDueAt));
    }

    /** The two timers of one SLA whose clock starts (again) at {@code start}: at risk, then breached. */
    public static List<SlaTimer> restart(SlaKind sla, Instant start, Instant due, double atRiskRatio) {
        return List.of(new SlaTimer(sla, false, atRisk(start, due, atRiskRatio)), new SlaTimer(sla, true, due));
    }

    private static Instant atRisk(Instant start, Instant due, double ratio) {
        long millis = Duration.between(start, due).toMillis();
        return start.plusMillis(Math.round(millis * ratio));
    }
}
