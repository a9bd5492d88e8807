package fr.relais.appointment.service;

import fr.relais.events.mediation.MediationCaseClaimed;
import fr.relais.events.mediation.MediationCaseOpened;
import fr.relais.events.mediation.MediationCaseResolved;
import fr.relais.events.mediation.MediationEvent;
import fr.relais.events.mediation.MediationSlaBreached;
import fr.relais.messaging.inbox.ProcessedMessages;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Records a journey's mediation cases (pool, mediator, unassignment after a missed SLA, resolution) once per record: the record id goes to
 * processed_message in the same transaction. Upserts, so a claim seen before its opening still counts.
 */
@ApplicationScoped
public class MediationFacts {

    /** This consumer's name in processed_message. */
    static final String CONSUMER = "appointment-service.mediation-events";

    private static final String OPENED = "insert into mediation_case (case_id, journey_id, pool) values (:case, :journey, :pool)"
            + " on conflict (case_id) do update set pool = excluded.pool";
    private static final String CLAIMED = "insert into mediation_case (case_id, journey_id, pool, mediator)"
            + " values (:case, :journey, :pool, :mediator)"
            + " on conflict (case_id) do update set pool = excluded.pool, mediator = excluded.mediator";
    // a missed SLA puts the case back in its pool's queue, unassigned: its former mediator's claim is no reason any more
    private static final String BREACHED = "insert into mediation_case (case_id, journey_id, pool) values (:case, :journey, :pool)"
            + " on conflict (case_id) do update set pool = excluded.pool, mediator = null";
    private static final String RESOLVED = "insert into mediation_case (case_id, journey_id, pool, mediator, resolved_at)"
            + " values (:case, :journey, :pool, :mediator, :at)"
            + " on conflict (case_id) do update set resolved_at = excluded.resolved_at";

    @Inject
    ProcessedMessages processed;

    public Uni<Void> apply(String recordId, MediationEvent event) {
        return Panache.withTransaction(() -> processed.once(CONSUMER, recordId, () -> effect(event)));
    }

    private static Uni<Void> effect(MediationEvent event) {
        if (event instanceof MediationCaseOpened opened) {
            return Panache.getSession().flatMap(session -> session.createNativeQuery(OPENED)
                    .setParameter("case", opened.caseId()).setParameter("journey", opened.journeyId())
                    .setParameter("pool", opened.pool()).executeUpdate()).replaceWithVoid();
        }
        if (event instanceof MediationCaseClaimed claimed) {
            return Panache.getSession().flatMap(session -> session.createNativeQuery(CLAIMED)
                    .setParameter("case", claimed.caseId()).setParameter("journey", claimed.journeyId())
                    .setParameter("pool", claimed.pool()).setParameter("mediator", claimed.mediator()).executeUpdate()).replaceWithVoid();
        }
        if (event instanceof MediationSlaBreached breached) {
            return Panache.getSession().flatMap(session -> session.createNativeQuery(BREACHED)
                    .setParameter("case", breached.caseId()).setParameter("journey", breached.journeyId())
                    .setParameter("pool", breached.pool()).executeUpdate()).replaceWithVoid();
        }
        if (event instanceof MediationCaseResolved resolved) {
            return Panache.getSession().flatMap(session -> session.createNativeQuery(RESOLVED)
                    .setParameter("case", resolved.caseId()).setParameter("journey", resolved.journeyId())
                    .setParameter("pool", resolved.pool()).setParameter("mediator", resolved.mediator())
                    .setParameter("at", resolved.occurredAt()).executeUpdate()).replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }
}
