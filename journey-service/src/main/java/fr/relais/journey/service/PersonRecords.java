package fr.relais.journey.service;

import fr.relais.events.journey.Actor;
import fr.relais.journey.domain.PersonCodes;
import fr.relais.journey.domain.PersonNames;
import fr.relais.journey.persistence.JourneyEntity;
import fr.relais.journey.persistence.PersonEntity;
import fr.relais.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Person records: created by a counter agent after an identity check or by a phone agent on a call (declared, not
 * checked), found by exact normalised names + birth date. Every staff search that finds someone is written to her
 * access log. Nothing here is logged or published: a person travels as her id only.
 */
@ApplicationScoped
public class PersonRecords {

    public static final String SEARCH_REASON = "name-and-birth-date";

    @Inject
    Clock clock;

    @WithTransaction
    public Uni<PersonViews.Person> create(PersonViews.Draft draft, Actor caller) {
        Instant now = clock.instant();
        List<PersonViews.FieldError> errors = PersonDrafts.errors(draft, today(now));
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(invalid(errors));
        }
        LocalDate birthDate = PersonDrafts.birthDate(draft.birthDate(), today(now)).orElseThrow();
        String key = PersonNames.key(draft.familyName(), draft.givenNames());
        return PersonEntity.count("identityIndex", PersonEntity.indexOf(key, birthDate)).flatMap(existing -> {
            if (existing > 0) {
                return Uni.createFrom().failure(new ProblemException(409, "duplicate-person", "Person already recorded",
                        "a person with these names and this birth date is already recorded: search for her instead",
                        Map.of("fields", List.of("familyName", "givenNames", "birthDate"))));
            }
            PersonEntity person = newPerson(draft, key, birthDate, caller, now);
            return person.<PersonEntity>persist()
                    .call(saved -> ConsentLedger.align(saved, ConsentLedger.of(draft.consents()), caller, now))
                    .flatMap(saved -> AccessLogWriter.person(saved.id, caller, "create", identityReason(caller), now).replaceWith(saved))
                    .map(saved -> view(saved, List.of()));
        });
    }

    @WithTransaction
    public Uni<PersonViews.Person> search(PersonViews.Search search, Actor caller) {
        Instant now = clock.instant();
        List<PersonViews.FieldError> errors = PersonDrafts.errors(search, today(now));
        if (!errors.isEmpty()) {
            return Uni.createFrom().failure(invalid(errors));
        }
        LocalDate birthDate = PersonDrafts.birthDate(search.birthDate(), today(now)).orElseThrow();
        return PersonEntity.<PersonEntity>find("identityIndex",
                        PersonEntity.indexOf(PersonNames.key(search.familyName(), search.givenNames()), birthDate)).firstResult()
                .flatMap(person -> {
                    if (person == null) {
                        return Uni.createFrom().failure(new ProblemException(404, "person-not-found", "No such person",
                                "no person is recorded with exactly these names and this birth date; check the spelling, or record her"));
                    }
                    return AccessLogWriter.person(person.id, caller, "search", SEARCH_REASON, now)
                            .flatMap(ignored -> liveJourneys(person.id))
                            .map(journeys -> view(person, journeys));
                });
    }

    /** The account's person, if she has attached a journey before. */
    public Uni<PersonEntity> ofAccount(String subject) {
        return PersonEntity.<PersonEntity>find("accountSubject", subject).firstResult();
    }


    static String identityReason(Actor caller) {
        return caller.roles().contains("counter-agent") ? "identity-checked-at-desk" : "identity-declared-on-call";
    }

    static Uni<List<JourneyViews.Summary>> liveJourneys(UUID personId) {
        return JourneyEntity.<JourneyEntity>list("personId = ?1 and status in ?2", Sort.descending("updatedAt"), personId,
                        JourneyQueries.LIVE_STATUSES)
                .map(rows -> rows.stream().map(j -> new JourneyViews.Summary(j.id, j.procedureId, j.procedureVersion,
                        j.status, j.currentStep, j.updatedAt, null)).toList());
    }

    private static PersonEntity newPerson(PersonViews.Draft draft, String key, LocalDate birthDate, Actor caller, Instant now) {
        PersonEntity p = new PersonEntity();
        p.id = UUID.randomUUID();
        p.givenNames = draft.givenNames().strip();
        p.familyName = draft.familyName().strip();
        p.nameKey = key;
        p.birthDate = birthDate;
        p.identity = caller.roles().contains("counter-agent") ? PersonCodes.CHECKED : PersonCodes.DECLARED;
        p.phone = PersonDrafts.blank(draft.phone()) ? null : PersonDrafts.phone(draft.phone()).orElseThrow();
        p.email = PersonDrafts.blank(draft.email()) ? null : draft.email().strip();
        PersonViews.Address address = draft.address();
        if (address != null && !PersonDrafts.blank(address.line())) {
            p.addressLine = address.line().strip();
            p.postcode = address.postcode().strip();
            p.city = address.city().strip();
        }
        p.preferredLanguage = PersonDrafts.blank(draft.preferredLanguage()) ? "fr" : draft.preferredLanguage();
        p.accessibilityNeeds = draft.accessibilityNeeds() == null ? "" : String.join(",", draft.accessibilityNeeds().stream().distinct().toList());
        p.createdAt = now;
        p.createdByRole = ActorRoles.primary(caller);
        p.createdBySite = caller.site();
        return p;
    }

    static PersonViews.Person view(PersonEntity p, List<JourneyViews.Summary> journeys) {
        return new PersonViews.Person(p.id, p.givenNames, p.familyName, p.birthDate, p.identity, p.phone, p.email,
                address(p), p.preferredLanguage, needs(p), consents(p), p.accountSubject != null, journeys);
    }

    static PersonViews.Address address(PersonEntity p) {
        return p.addressLine == null ? null : new PersonViews.Address(p.addressLine, p.postcode, p.city);
    }

    static List<String> needs(PersonEntity p) {
        return p.accessibilityNeeds == null || p.accessibilityNeeds.isBlank() ? List.of()
                : Arrays.asList(p.accessibilityNeeds.split(","));
    }

    static PersonViews.Consents consents(PersonEntity p) {
        return new PersonViews.Consents(p.consentEmail, p.consentSms, p.consentPhone, p.consentLetter, p.consentSurveys);
    }

    private static ProblemException invalid(List<PersonViews.FieldError> errors) {
        return new ProblemException(400, "invalid-person", "Invalid person",
                errors.size() + " field(s) to fix: " + errors.stream().map(PersonViews.FieldError::field).distinct().toList(),
                Map.of("errors", errors));
    }

    private static LocalDate today(Instant now) {
        return now.atZone(fr.relais.journey.domain.CallbackSchedule.PARIS).toLocalDate();
    }
}
