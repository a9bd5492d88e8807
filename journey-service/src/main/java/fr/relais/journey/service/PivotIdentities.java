package fr.relais.journey.service;

import fr.relais.events.journey.Actor;
import fr.relais.journey.domain.PersonCodes;
import fr.relais.journey.domain.PersonNames;
import fr.relais.journey.persistence.JourneyEntity;
import fr.relais.journey.persistence.PersonEntity;
import fr.relais.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * A citizen signed in through FranceConnect (the relais realm brokers it): her pivot identity, certified by the
 * provider, finds her person record by exact normalised names and birth date, or makes one. Unlike a declared
 * identity (MyContacts), this may link a record an agent made at a desk: the provider vouches for who she is. Her
 * journeys started at a desk still need their resume code to come to her portal (she confirms with the receipt).
 */
@ApplicationScoped
public class PivotIdentities {

    public static final String LINK_ACTION = "identity-link";
    public static final String REASON = "franceconnect-pivot";

    /**
     * The pivot identity, from her token: names, birth date, the identity provider that certified them and the level it
     * certified them at (its {@code acr}, e.g. eidas1).
     */
    public record Pivot(String identityProvider, String level, String givenNames, String familyName, String birthDate) {
    }

    /** What happened: linked (an existing record), created, or already (her account had one). */
    public record Outcome(UUID personId, String outcome, List<PendingJourney> pendingJourneys) {
    }

    /** A journey started for her at a desk or on the phone that her portal does not show until she confirms it. */
    public record PendingJourney(UUID journeyId, String procedureId, String status, Instant startedAt) {
    }

    @ConfigProperty(name = "relais.identity.certifying-providers", defaultValue = "franceconnect")
    List<String> certifyingProviders;

    /** The levels (acr) an identity is taken as certified at: FranceConnect's eidas1 and above. */
    @ConfigProperty(name = "relais.identity.certifying-levels", defaultValue = "eidas1,eidas2,eidas3")
    List<String> certifyingLevels;

    @Inject
    Clock clock;

    @WithTransaction
    public Uni<Outcome> link(Actor citizen, Pivot pivot) {
        if (pivot.identityProvider() == null || !certifyingProviders.contains(pivot.identityProvider())) {
            return Uni.createFrom().failure(new ProblemException(403, "identity-not-certified", "Identity not certified",
                    "only a sign-in through FranceConnect certifies an identity; link a journey with its resume code instead"));
        }
        if (pivot.level() == null || !certifyingLevels.contains(pivot.level())) {
            return Uni.createFrom().failure(new ProblemException(403, "identity-level-too-low", "Identity level too low",
                    "the identity provider did not certify this sign-in at level " + String.join(", ", certifyingLevels)));
        }
        LocalDate birthDate = birthDate(pivot.birthDate());
        if (blank(pivot.givenNames()) || blank(pivot.familyName()) || birthDate == null) {
            return Uni.createFrom().failure(new ProblemException(400, "incomplete-pivot-identity", "Incomplete identity",
                    "the identity provider sent no given names, family name or birth date (YYYY-MM-DD)"));
        }
        Instant now = clock.instant();
        return PersonEntity.<PersonEntity>find("accountSubject", citizen.subject()).firstResult().flatMap(own -> {
            if (own != null) {
                return outcome(own, "already");
            }
            String key = PersonNames.key(pivot.familyName(), pivot.givenNames());
            return PersonEntity.<PersonEntity>find("identityIndex", PersonEntity.indexOf(key, birthDate)).firstResult()
                    .flatMap(found -> found == null ? create(citizen, pivot, key, birthDate, now)
                            : linkExisting(found, citizen, now));
        });
    }

    private static Uni<Outcome> linkExisting(PersonEntity person, Actor citizen, Instant now) {
        if (person.accountSubject != null) {
            return Uni.createFrom().failure(ProblemException.conflict("person-linked-elsewhere",
                    "the person with this identity is linked to another account; ask a France Services desk for help"));
        }
        person.accountSubject = citizen.subject();
        person.identity = PersonCodes.CERTIFIED;
        return AccessLogWriter.person(person.id, citizen, LINK_ACTION, REASON, now).flatMap(ignored -> outcome(person, "linked"));
    }

    private static Uni<Outcome> create(Actor citizen, Pivot pivot, String key, LocalDate birthDate, Instant now) {
        PersonEntity p = new PersonEntity();
        p.id = UUID.randomUUID();
        p.givenNames = pivot.givenNames().strip();
        p.familyName = pivot.familyName().strip();
        p.nameKey = key;
        p.birthDate = birthDate;
        p.identity = PersonCodes.CERTIFIED;
        p.preferredLanguage = RecipientReads.DEFAULT_LANGUAGE;
        p.accessibilityNeeds = "";
        p.accountSubject = citizen.subject();
        p.createdAt = now;
        p.createdByRole = ActorRoles.primary(citizen);
        return p.<PersonEntity>persistAndFlush()
                .call(saved -> AccessLogWriter.person(saved.id, citizen, "create", REASON, now))
                .flatMap(saved -> outcome(saved, "created"));
    }

    private static Uni<Outcome> outcome(PersonEntity person, String outcome) {
        return JourneyEntity.<JourneyEntity>list("personId = ?1 and citizenSubject is null", Sort.descending("startedAt"), person.id)
                .map(rows -> new Outcome(person.id, outcome, rows.stream()
                        .map(j -> new PendingJourney(j.id, j.procedureId, j.status, j.startedAt)).toList()));
    }

    private static LocalDate birthDate(String text) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
