package fr.relais.appointment.persistence;

import fr.relais.appointment.domain.JourneyAccess;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Reads the access facts of a journey, in the caller's session. */
@ApplicationScoped
public class JourneyAccessRepository {

    /** The journey's access facts, or null when journey.events has not (yet) told this service about it. */
    public Uni<JourneyAccess> of(UUID journeyId) {
        return JourneyFactEntity.<JourneyFactEntity>findById(journeyId).flatMap(fact -> fact == null
                ? Uni.createFrom().nullItem()
                : JourneyMandateEntity.<JourneyMandateEntity>list("journeyId", journeyId)
                .flatMap(mandates -> MediationCaseEntity.<MediationCaseEntity>list("journeyId = ?1 and resolvedAt is null", journeyId)
                        .map(cases -> new JourneyAccess(journeyId, fact.ownerSubject, fact.procedureId, fact.claimedBy,
                                fact.handoffSite, fact.presentSite, fact.presentAt, fact.verifiedBy, fact.verifiedUntil,
                                mandates.stream().map(m -> new JourneyAccess.Mandate(m.site, m.procedureId, m.expiresAt, m.revoked)).toList(),
                                cases.stream().map(c -> new JourneyAccess.MediationCase(c.pool, c.mediator)).toList(),
                                fact.endedAt))));
    }
}
