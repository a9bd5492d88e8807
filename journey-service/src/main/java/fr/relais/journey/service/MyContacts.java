package fr.relais.journey.service;

import fr.relais.events.journey.Actor;
import fr.relais.journey.domain.CallbackSchedule;
import fr.relais.journey.domain.ConsentPurpose;
import fr.relais.journey.domain.PersonCodes;
import fr.relais.journey.domain.PersonNames;
import fr.relais.journey.persistence.PersonEntity;
import fr.relais.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.vertx.pgclient.PgException;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A citizen manages how she is reached: the e-mail, phone and postal address of the person record linked to her
 * account, and her consent to messages on each. Without a record yet, her first change creates one from her account's
 * names and the birth date she gives (declared, as on a call); a record with the same names and birth date is never
 * linked here, since anyone could claim it so: she attaches a journey with its resume code instead. Every change is
 * written to her access log.
 */
@ApplicationScoped
public class MyContacts {

    static final String CREATE_REASON = "identity-declared-online";
    static final String CHANGE_ACTION = "contact-change";
    static final String CHANGE_REASON = "self-service";

    @Inject
    Clock clock;

    @WithSession
    public Uni<PersonViews.MyContact> mine(Actor citizen) {
        return ofAccount(citizen.subject()).map(p -> p == null ? PersonViews.MyContact.NO_PERSON : view(p));
    }

    /** @param givenNames her account's given names (token claim), used only to create her record; so is familyName */
    @WithTransaction
    public Uni<PersonViews.MyContact> change(PersonViews.ContactChange change, Actor citizen, String givenNames,
                                             String familyName) {
        Instant now = clock.instant();
        LocalDate today = now.atZone(CallbackSchedule.PARIS).toLocalDate();
        return ofAccount(citizen.subject()).flatMap(person -> {
            List<PersonViews.FieldError> errors = PersonDrafts.errors(change, person == null, givenNames, familyName, today);
            if (!errors.isEmpty()) {
                return Uni.createFrom().failure(invalid(errors));
            }
            return person == null
                    ? create(change, citizen, givenNames, familyName, PersonDrafts.birthDate(change.birthDate(), today).orElseThrow(), now)
                    : update(person, change, citizen, now);
        }).map(MyContacts::view);
    }

    private static Uni<PersonEntity> create(PersonViews.ContactChange change, Actor citizen, String givenNames, String familyName,
                                            LocalDate birthDate, Instant now) {
        String key = PersonNames.key(familyName, givenNames);
        return PersonEntity.count("identityIndex", PersonEntity.indexOf(key, birthDate)).flatMap(existing -> {
            if (existing > 0) {
                return Uni.createFrom().failure(duplicate());
            }
            PersonEntity p = new PersonEntity();
            p.id = UUID.randomUUID();
            p.givenNames = givenNames.strip();
            p.familyName = familyName.strip();
            p.nameKey = key;
            p.birthDate = birthDate;
            p.identity = PersonCodes.DECLARED;
            p.preferredLanguage = RecipientReads.DEFAULT_LANGUAGE;
            p.accessibilityNeeds = "";
            p.accountSubject = citizen.subject();
            p.createdAt = now;
            p.createdByRole = ActorRoles.primary(citizen);
            applyContact(p, change);
            // flushed here so that a twin request that won the race (same account or same person) is a 409, not a 500
            return p.<PersonEntity>persistAndFlush()
                    .onFailure(MyContacts::uniqueViolation).transform(e -> duplicate())
                    .call(saved -> ConsentLedger.align(saved, wanted(saved, change), citizen, now))
                    .call(saved -> AccessLogWriter.person(saved.id, citizen, "create", CREATE_REASON, now));
        });
    }

    private static Uni<PersonEntity> update(PersonEntity p, PersonViews.ContactChange change, Actor citizen, Instant now) {
        List<Object> before = contactOf(p);
        applyContact(p, change);
        return ConsentLedger.align(p, wanted(p, change), citizen, now).flatMap(ignored -> before.equals(contactOf(p))
                ? Uni.createFrom().item(p)
                : AccessLogWriter.person(p.id, citizen, CHANGE_ACTION, CHANGE_REASON, now).replaceWith(p));
    }

    /**
     * Her message consents as the form sets them; calls and survey invitations are kept (not on this form), except
     * that without a phone an agent may not call her either.
     */
    private static Set<ConsentPurpose> wanted(PersonEntity p, PersonViews.ContactChange change) {
        PersonViews.MessageConsents consents = change.consents() == null ? PersonViews.MessageConsents.NONE : change.consents();
        Set<ConsentPurpose> wanted = EnumSet.noneOf(ConsentPurpose.class);
        ConsentLedger.addIf(wanted, consents.email(), ConsentPurpose.EMAIL_MESSAGES);
        ConsentLedger.addIf(wanted, consents.sms(), ConsentPurpose.SMS_MESSAGES);
        ConsentLedger.addIf(wanted, consents.letter(), ConsentPurpose.LETTERS);
        ConsentLedger.addIf(wanted, p.consentPhone && p.phone != null, ConsentPurpose.CALLS);
        ConsentLedger.addIf(wanted, p.consentSurveys, ConsentPurpose.SURVEYS);
        return wanted;
    }

    /** Replaces her contact details. */
    private static void applyContact(PersonEntity p, PersonViews.ContactChange change) {
        p.email = PersonDrafts.blank(change.email()) ? null : change.email().strip();
        p.phone = PersonDrafts.blank(change.phone()) ? null : PersonDrafts.phone(change.phone()).orElseThrow();
        PersonViews.Address address = change.address();
        boolean hasAddress = PersonDrafts.hasAddress(address);
        p.addressLine = hasAddress ? address.line().strip() : null;
        p.postcode = hasAddress ? address.postcode().strip() : null;
        p.city = hasAddress ? address.city().strip() : null;
        p.seal(); // the contact fields are sealed, not columns: a change is written only through the sealed value
    }

    private static List<Object> contactOf(PersonEntity p) {
        return Arrays.asList(p.email, p.phone, p.addressLine, p.postcode, p.city, p.consentEmail, p.consentSms,
                p.consentLetter, p.consentPhone);
    }

    private static Uni<PersonEntity> ofAccount(String subject) {
        return PersonEntity.<PersonEntity>find("accountSubject", Objects.requireNonNull(subject)).firstResult();
    }

    static PersonViews.MyContact view(PersonEntity p) {
        return new PersonViews.MyContact(p.id, p.email, p.phone, PersonRecords.address(p),
                new PersonViews.MessageConsents(p.consentEmail, p.consentSms, p.consentLetter), true);
    }

    static boolean uniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException || t instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    private static ProblemException duplicate() {
        return new ProblemException(409, "duplicate-person", "Person already recorded",
                "une personne avec ces nom, prénoms et date de naissance est déjà enregistrée : si une démarche a été "
                        + "commencée pour vous à un guichet ou au téléphone, rattachez-la à votre compte avec son code de reprise",
                Map.of("fields", List.of("familyName", "givenNames", "birthDate")));
    }

    private static ProblemException invalid(List<PersonViews.FieldError> errors) {
        return new ProblemException(400, "invalid-contact", "Invalid contact",
                errors.size() + " champ(s) à corriger : " + String.join(", ",
                        errors.stream().map(PersonViews.FieldError::field).distinct().toList()),
                Map.of("errors", errors));
    }
}
