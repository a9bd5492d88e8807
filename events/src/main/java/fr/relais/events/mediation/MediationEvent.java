package fr.relais.events.mediation;

import fr.relais.events.JourneyScoped;

import java.time.Instant;
import java.util.UUID;

/** A fact about one mediation case, keyed by the journey it helps. */
public sealed interface MediationEvent extends JourneyScoped
        permits MediationCaseOpened, MediationCaseClaimed, MediationContactRecorded, MediationCaseResolved,
        MediationSlaAtRisk, MediationSlaBreached {

    UUID caseId();

    Instant occurredAt();

    /** Shared argument checks of the records. */
    static void require(Object value, String name) {
        if (value == null) {
            throw new NullPointerException(name);
        }
    }
}
