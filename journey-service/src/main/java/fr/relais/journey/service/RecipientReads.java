package fr.relais.journey.service;

import fr.relais.events.journey.Actor;
import fr.relais.journey.persistence.JourneyEntity;
import fr.relais.journey.persistence.PersonEntity;
import fr.relais.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * How notification-service reaches a journey's citizen at send time (personal data never travels on Kafka, so it asks
 * here with its own service token; the resource checks its role). The person is the journey's own, else the one linked
 * to the journey's account. A read that returns a person is written to her access log, by the reading service.
 */
@ApplicationScoped
public class RecipientReads {

    /** The reason in the access log: a message to send her. */
    public static final String REASON = "notification";
    public static final String ACTION = "recipient-read";
    /** The language of a journey without a person record: Relais writes in French unless she chose otherwise. */
    static final String DEFAULT_LANGUAGE = "fr";

    @Inject
    Clock clock;

    /** @param reader the client id of the service token, written to the access log */
    @WithTransaction
    public Uni<PersonViews.Recipient> recipient(UUID journeyId, String reader) {
        Instant now = clock.instant();
        return JourneyEntity.<JourneyEntity>findById(journeyId).flatMap(journey -> {
            if (journey == null) {
                return Uni.createFrom().failure(ProblemException.notFound("no journey " + journeyId));
            }
            return personOf(journey).flatMap(person -> person == null
                    ? Uni.createFrom().item(nobody(journey))
                    : AccessLogWriter.journeyAndPerson(journeyId, person.id, Actor.system(reader), ACTION, REASON, now)
                    .replaceWith(recipient(journey, person)));
        });
    }

    private static Uni<PersonEntity> personOf(JourneyEntity journey) {
        if (journey.personId != null) {
            return PersonEntity.findById(journey.personId);
        }
        return journey.citizenSubject == null ? Uni.createFrom().nullItem()
                : PersonEntity.<PersonEntity>find("accountSubject", journey.citizenSubject).firstResult();
    }

    /** Only the contact of a channel she consented to leaves this service: the others are not needed to write to her. */
    private static PersonViews.Recipient recipient(JourneyEntity journey, PersonEntity p) {
        return new PersonViews.Recipient(journey.id, p.id, p.accountSubject != null ? p.accountSubject : journey.citizenSubject,
                p.givenNames, p.familyName, p.consentEmail ? p.email : null, p.consentSms ? p.phone : null,
                p.consentLetter ? PersonRecords.address(p) : null,
                p.preferredLanguage == null ? DEFAULT_LANGUAGE : p.preferredLanguage,
                new PersonViews.MessageConsents(p.consentEmail && p.email != null, p.consentSms && p.phone != null,
                        p.consentLetter && p.addressLine != null), p.consentSurveys);
    }

    private static PersonViews.Recipient nobody(JourneyEntity journey) {
        return new PersonViews.Recipient(journey.id, null, journey.citizenSubject, null, null, null, null, null,
                DEFAULT_LANGUAGE, PersonViews.MessageConsents.NONE, false);
    }
}
