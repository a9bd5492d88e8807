package fr.relais.mediation.service;

import fr.relais.mediation.persistence.CaseEntity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The cases about a citizen's own journeys, for her data export: the journey's owner as journey.events said it
 * (journey_context.owner_subject: who started it online, or attached it).
 */
@ApplicationScoped
public class CitizenCases {

    @WithSession
    public Uni<List<CaseEntity>> of(String subject) {
        return CaseEntity.list("journeyId in (select c.journeyId from JourneyContextEntity c where c.ownerSubject = ?1)",
                Sort.ascending("openedAt"), subject);
    }
}
