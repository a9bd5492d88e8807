package fr.relais.journey.service;

import fr.relais.events.journey.Actor;
import fr.relais.journey.domain.JourneyState;
import fr.relais.journey.domain.PersonCodes;
import fr.relais.journey.persistence.JourneyEntity;
import fr.relais.journey.persistence.JourneyEventEntity;
import fr.relais.journey.persistence.PersonEntity;
import fr.relais.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads of a journey's person that staff make for a reason: the receipt handed to the citizen, and how a mediator
 * may reach her. Each is written to her access log with its reason.
 */
@ApplicationScoped
public class PersonReads {

    @Inject
    JourneyRecorder recorder;

    @Inject
    Clock clock;

    /** The receipt: for the agent holding the journey (or with another reason) and for its owner. */
    @WithTransaction
    public Uni<ReceiptView> receipt(UUID journeyId, Actor caller, Set<String> pools) {
        Instant now = clock.instant();
        return JourneyEntity.<JourneyEntity>findById(journeyId).flatMap(journey -> {
            if (journey == null) {
                return Uni.createFrom().failure(ProblemException.notFound("no journey " + journeyId));
            }
            JourneyState state = recorder.stateOf(journey);
            boolean owner = caller.roles().contains("citizen") && caller.subject().equals(journey.citizenSubject);
            String reason = owner ? null : AccessReasons.of(state, caller, pools, now);
            if (!owner && (reason == null || !ActorRoles.isStaff(caller))) {
                return Uni.createFrom().failure(ProblemException.notFound("no journey " + journeyId + " you may print a receipt for"));
            }
            Uni<PersonEntity> person = journey.personId == null ? Uni.createFrom().nullItem() : PersonEntity.findById(journey.personId);
            return person.flatMap(p -> JourneyEventEntity.<JourneyEventEntity>find("journeyId = ?1 and sequence = 1", journeyId)
                    .firstResult()
                    .call(ignored -> owner ? Uni.createFrom().voidItem() : AccessLogWriter.journey(journeyId, caller, "receipt", reason, now))
                    .map(first -> new ReceiptView(journey.id, journey.procedureId, journey.procedureVersion, journey.resumeCode,
                            journey.startedAt, first.channel, first.actorSite, journey.status, journey.currentStep,
                            state.completedSteps(), p == null ? null : p.givenNames, p == null ? null : p.familyName)));
        });
    }

    /**
     * How a mediator may reach the citizen of her case: the consented channels only, her language and needs. Only a
     * mediator of the open case's pool (or staff with another reason); logged.
     */
    @WithTransaction
    public Uni<PersonViews.Contact> contact(UUID journeyId, Actor caller, Set<String> pools) {
        Instant now = clock.instant();
        return JourneyEntity.<JourneyEntity>findById(journeyId).flatMap(journey -> {
            if (journey == null) {
                return Uni.createFrom().failure(ProblemException.notFound("no journey " + journeyId));
            }
            String reason = ActorRoles.isStaff(caller) ? AccessReasons.of(recorder.stateOf(journey), caller, pools, now) : null;
            if (reason == null) {
                return Uni.createFrom().failure(ProblemException.notFound("no journey " + journeyId + " in your cases"));
            }
            if (journey.personId == null) {
                return Uni.createFrom().failure(new ProblemException(404, "no-person-record", "No person record",
                        "this journey was started online and has no person record: reach the citizen through the portal"));
            }
            return PersonEntity.<PersonEntity>findById(journey.personId)
                    .call(ignored -> AccessLogWriter.journey(journeyId, caller, "contact-read", reason, now))
                    .map(p -> new PersonViews.Contact(p.id, p.givenNames, p.familyName, p.preferredLanguage,
                            PersonRecords.needs(p), p.consentPhone || p.consentSms ? p.phone : null,
                            p.consentEmail ? p.email : null, p.consentLetter ? PersonRecords.address(p) : null,
                            PersonRecords.consents(p), now));
        });
    }

    /**
     * The skill codes a mediator needs for the journey's citizen: her language's (PersonCodes.languageSkill) then her
     * accessibility needs, which are skill codes already. For mediation-service's service account only (the resource
     * checks its role); a read of her record, so it is written to her access log, by the system.
     */
    @WithTransaction
    public Uni<PersonViews.Routing> routing(UUID journeyId, String reader) {
        Instant now = clock.instant();
        return JourneyEntity.<JourneyEntity>findById(journeyId).flatMap(journey -> {
            if (journey == null) {
                return Uni.createFrom().failure(ProblemException.notFound("no journey " + journeyId));
            }
            if (journey.personId == null) {
                return Uni.createFrom().item(new PersonViews.Routing(List.of()));
            }
            return PersonEntity.<PersonEntity>findById(journey.personId)
                    .call(ignored -> AccessLogWriter.journey(journeyId, Actor.system(reader), "routing-read", "mediation-case", now))
                    .map(p -> new PersonViews.Routing(requiredSkills(p)));
        });
    }

    static List<String> requiredSkills(PersonEntity p) {
        List<String> skills = new ArrayList<>();
        String language = PersonCodes.languageSkill(p.preferredLanguage);
        if (language != null) {
            skills.add(language);
        }
        PersonRecords.needs(p).stream().filter(PersonCodes.NEEDS::contains).filter(need -> !skills.contains(need))
                .forEach(skills::add);
        return skills;
    }

}
