package fr.relais.journey.service;

import fr.relais.events.journey.Actor;
import fr.relais.events.journey.AttachJourney;
import fr.relais.journey.persistence.JourneyEntity;
import fr.relais.journey.persistence.PersonEntity;
import fr.relais.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.UUID;

/**
 * A citizen who now has an account attaches a journey started for her at a desk or on the phone: she proves it is
 * hers with its resume code and her birth date (the same rate limits and lock-out as the phone lookup), the journey
 * becomes hers (JourneyAttached) and her account is linked to the person record, so her next journeys belong to her
 * person too.
 */
@ApplicationScoped
public class JourneyAttachments {

    @Inject
    ResumeCodeLookup lookup;

    @Inject
    DirectCommands commands;

    @Inject
    Clock clock;

    public Uni<JourneyViews.LookupResult> attach(JourneyViews.LookupRequest request, Actor citizen) {
        return lookup.lookup(request, citizen, true)
                .call(found -> personFree(found.journeyId(), citizen.subject()))
                .call(found -> commands.run(new AttachJourney(UUID.randomUUID(), found.journeyId(), citizen, clock.instant())))
                .call(found -> linkAccount(found.journeyId(), citizen.subject()));
    }

    /** A person record already linked to another account is not taken over by a resume code. */
    private static Uni<Void> personFree(UUID journeyId, String subject) {
        return Panache.withSession(() -> person(journeyId)).invoke(person -> {
            if (person != null && person.accountSubject != null && !person.accountSubject.equals(subject)) {
                throw new ProblemException(409, "person-linked-elsewhere", "Journey belongs to another account",
                        "this journey's person is linked to another account; ask a France Services agent");
            }
        }).replaceWithVoid();
    }

    /** One account, one person: an account already linked keeps its person (an agent may merge duplicates later). */
    private static Uni<Void> linkAccount(UUID journeyId, String subject) {
        return Panache.withTransaction(() -> PersonEntity.count("accountSubject", subject).flatMap(linked -> linked > 0
                ? Uni.createFrom().voidItem()
                : person(journeyId).flatMap(person -> {
                    if (person == null || person.accountSubject != null) {
                        return Uni.createFrom().voidItem();
                    }
                    person.accountSubject = subject;
                    return person.persist().replaceWithVoid();
                })));
    }

    private static Uni<PersonEntity> person(UUID journeyId) {
        return JourneyEntity.<JourneyEntity>findById(journeyId).flatMap(journey -> journey == null || journey.personId == null
                ? Uni.createFrom().nullItem() : PersonEntity.findById(journey.personId));
    }
}
