package fr.relais.journey.privacy;

import fr.relais.events.ContractJson;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.JourneyStatus;
import fr.relais.journey.persistence.JourneyEntity;
import fr.relais.journey.persistence.PersonEntity;
import fr.relais.journey.procedure.ProcedureCatalog;
import fr.relais.journey.procedure.ProcedureDefinition;
import fr.relais.journey.procedure.ProcedureRetention;
import fr.relais.journey.service.ConsentLedger;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
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
 * "Effacer mes données" (GDPR art. 17): every journey of hers that no legal retention requires loses its data key (its
 * sealed answers, check value and call-back numbers can no longer be opened, in this database or in any backup); her
 * person record loses its key and index unless a kept record still needs her identity. What stays is said with why.
 */
@ApplicationScoped
public class Erasures {

    static final String SUBMITTED_RECORD = "submitted-record";
    static final String IDENTITY_OF_KEPT_RECORD = "identity-of-kept-record";
    static final String STAFF_ACCESS_PROOF = "staff-access-proof";

    @Inject
    Clock clock;

    @Inject
    MeterRegistry registry;

    @Inject
    ProcedureCatalog catalog;

    @WithTransaction
    public Uni<ErasureViews.Outcome> erase(Actor citizen) {
        Instant now = clock.instant();
        return PersonEntity.<PersonEntity>find("accountSubject", citizen.subject()).firstResult()
                .flatMap(person -> JourneyEntity.<JourneyEntity>list(
                                person == null ? "citizenSubject = ?1 and erasedAt is null"
                                        : "(citizenSubject = ?1 or personId = ?2) and erasedAt is null",
                                person == null ? new Object[]{citizen.subject()} : new Object[]{citizen.subject(), person.id})
                        .flatMap(journeys -> apply(citizen, person, journeys, now)));
    }

    private Uni<ErasureViews.Outcome> apply(Actor citizen, PersonEntity person, List<JourneyEntity> journeys, Instant now) {
        List<ErasureViews.Item> erased = new ArrayList<>();
        List<ErasureViews.Item> kept = new ArrayList<>();
        for (JourneyEntity journey : journeys) {
            if (JourneyStatus.COMPLETED.name().equals(journey.status)) {
                kept.add(ErasureViews.Item.kept("journey", journey.id, journey.procedureId, SUBMITTED_RECORD,
                        retentionOf(journey).expiresAt(journey.status, journey.updatedAt)));
                continue;
            }
            erased.add(ErasureViews.Item.erased("journey", journey.id, journey.procedureId));
            shred(journey, now);
        }
        Uni<Void> consents = Uni.createFrom().voidItem();
        if (person != null) {
            if (kept.isEmpty()) {
                consents = ConsentLedger.forget(person.id);
                shred(person, now);
                erased.add(ErasureViews.Item.erased("person-record", null, null));
            } else {
                // withdrawn, dated: the kept record says she may no longer be written to
                consents = ConsentLedger.align(person, Set.of(), citizen, now);
                forgetContacts(person);
                kept.add(ErasureViews.Item.kept("person-record", null, null, IDENTITY_OF_KEPT_RECORD, null));
            }
        }
        kept.add(ErasureViews.Item.kept("access-log", null, null, STAFF_ACCESS_PROOF, null));
        UUID erasureId = UUID.randomUUID();
        ErasureViews.Outcome outcome = new ErasureViews.Outcome(erasureId, now, List.copyOf(erased), List.copyOf(kept));
        registry.counter("relais_erasures", "outcome", kept.size() > 1 ? "partial" : "complete").increment();
        return consents.flatMap(ignored -> Panache.getSession())
                .flatMap(session -> session.createNativeQuery("insert into erasure (id, person_id, account_subject, requested_at, erased, kept) "
                                + "values (:id, :person, :subject, :at, cast(:erased as jsonb), cast(:kept as jsonb))")
                        .setParameter("id", erasureId).setParameter("person", person == null ? null : person.id)
                        .setParameter("subject", citizen.subject()).setParameter("at", now)
                        .setParameter("erased", json(outcome.erased())).setParameter("kept", json(outcome.kept()))
                        .executeUpdate())
                .replaceWith(outcome);
    }

    /**
     * The journey's key goes: its sealed answers, check value and call-back numbers stay where they are, in this
     * database and in every backup, as ciphertext nothing can open any more. Its events stay (no personal data).
     */
    private static void shred(JourneyEntity journey, Instant now) {
        journey.dataKey = null;
        journey.erasedAt = now;
        journey.erasedReason = "citizen";
    }

    private ProcedureRetention retentionOf(JourneyEntity journey) {
        return catalog.version(journey.procedureId, journey.procedureVersion).map(ProcedureDefinition::retention)
                .orElse(ProcedureRetention.DEFAULT);
    }

    /** She can no longer be found or read: key, sealed record and index go; the row stays for the ids that point at it. */
    private static void shred(PersonEntity person, Instant now) {
        person.dataKey = null;
        person.sealed = null;
        person.identityIndex = null;
        person.accountSubject = null;
        person.consentEmail = false;
        person.consentSms = false;
        person.consentPhone = false;
        person.consentLetter = false;
        person.consentSurveys = false;
        person.erasedAt = now;
        person.erasedReason = "citizen";
    }

    private static void forgetContacts(PersonEntity person) {
        person.phone = null;
        person.email = null;
        person.addressLine = null;
        person.postcode = null;
        person.city = null;
        person.consentEmail = false;
        person.consentSms = false;
        person.consentPhone = false;
        person.consentLetter = false;
        person.consentSurveys = false;
        person.seal();
    }

    private static String json(Object value) {
        try {
            return ContractJson.mapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
