package fr.relais.journey.service;

import fr.relais.events.channel.Channel;
import fr.relais.events.journey.Actor;
import fr.relais.journey.domain.CallbackSchedule;
import fr.relais.journey.domain.PersonNames;
import fr.relais.journey.persistence.CheckValueEntity;
import fr.relais.journey.persistence.CorrectionRequestEntity;
import fr.relais.journey.persistence.JourneyEntity;
import fr.relais.journey.persistence.PersonEntity;
import fr.relais.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * "Corriger" (GDPR art. 16): she asks for her names or birth date to be corrected on her person record (her contact
 * details she changes herself); a counter agent who saw her identity document applies the request or refuses it with
 * a reason. Every staff read and decision is a line of her access log.
 */
@ApplicationScoped
public class Corrections {

    static final Set<String> FIELDS = Set.of("given-names", "family-name", "birth-date");
    static final Set<String> REFUSALS = Set.of("document-does-not-match", "no-document", "not-a-correction");
    static final String REASON = "correction-request";
    private static final int MAX_VALUE = 200;

    @Inject
    Clock clock;

    @WithTransaction
    public Uni<CorrectionViews.Mine> ask(CorrectionViews.Request request, Actor citizen) {
        Instant now = clock.instant();
        if (request == null || request.field() == null || !FIELDS.contains(request.field())) {
            throw ProblemException.invalidField("field", "one of given-names, family-name, birth-date (your contact details you change yourself)");
        }
        String value = normalised(request.field(), request.value(), now);
        return PersonEntity.<PersonEntity>find("accountSubject", citizen.subject()).firstResult().flatMap(person -> {
            if (person == null || person.erasedAt != null) {
                return Uni.createFrom().failure(ProblemException.conflict("no-person-record",
                        "there is no person record linked to your account to correct"));
            }
            CorrectionRequestEntity row = new CorrectionRequestEntity();
            row.id = UUID.randomUUID();
            row.personId = person.id;
            row.field = request.field();
            row.requestedValue = person.sealValue(value, CorrectionRequestEntity.binding(row.id));
            row.status = "open";
            row.requestedAt = now;
            return row.<CorrectionRequestEntity>persist().map(saved -> mine(saved, person));
        });
    }

    @WithSession
    public Uni<List<CorrectionViews.Mine>> mine(Actor citizen) {
        return PersonEntity.<PersonEntity>find("accountSubject", citizen.subject()).firstResult().flatMap(person -> person == null
                ? Uni.createFrom().item(List.<CorrectionViews.Mine>of())
                : CorrectionRequestEntity.<CorrectionRequestEntity>list("personId", Sort.descending("requestedAt"), person.id)
                .map(rows -> rows.stream().map(row -> mine(row, person)).toList()));
    }

    /** The open requests, oldest first, without any personal value: what the desk prepares for. */
    @WithSession
    public Uni<List<CorrectionViews.Pending>> open() {
        return CorrectionRequestEntity.<CorrectionRequestEntity>list("status", Sort.ascending("requestedAt"), "open")
                .map(rows -> rows.stream().map(r -> new CorrectionViews.Pending(r.id, r.field, r.requestedAt)).toList());
    }

    /** The agent opens one at the desk, with the citizen in front of her: her record and the value asked; logged. */
    @WithTransaction
    public Uni<CorrectionViews.Detail> detail(UUID id, Actor agent) {
        Instant now = clock.instant();
        return found(id).flatMap(found -> AccessLogWriter.person(found.person().id, agent, "correction-read", REASON, now)
                .replaceWith(detail(found)));
    }

    @WithTransaction
    public Uni<CorrectionViews.Detail> decide(UUID id, CorrectionViews.Decision decision, Actor agent) {
        Instant now = clock.instant();
        boolean apply = decision != null && "applied".equals(decision.outcome());
        if (decision == null || !apply && !"refused".equals(decision.outcome())) {
            throw ProblemException.invalidField("outcome", "applied or refused");
        }
        if (apply && (!Boolean.TRUE.equals(decision.identityDocumentSeen()) || agent.channel() != Channel.DESK)) {
            throw ProblemException.invalidField("identityDocumentSeen",
                    "true: an identity is corrected at a desk, on the identity document that shows it");
        }
        if (!apply && (decision.refusalReason() == null || !REFUSALS.contains(decision.refusalReason()))) {
            throw ProblemException.invalidField("refusalReason", "one of " + String.join(", ", REFUSALS.stream().sorted().toList()));
        }
        return found(id).flatMap(found -> {
            CorrectionRequestEntity row = found.row();
            if (!"open".equals(row.status)) {
                return Uni.createFrom().failure(ProblemException.conflict("correction-decided", "this request was already " + row.status));
            }
            row.status = apply ? "applied" : "refused";
            row.refusalReason = apply ? null : decision.refusalReason();
            row.decidedAt = now;
            row.decidedBy = agent.subject();
            row.decidedSite = agent.site();
            Uni<Void> applied = apply ? apply(found.person(), row.field, found.person().openValue(row.requestedValue,
                    CorrectionRequestEntity.binding(row.id))) : Uni.createFrom().voidItem();
            return applied.flatMap(ignored -> AccessLogWriter.person(found.person().id, agent,
                            apply ? "correction-applied" : "correction-refused", REASON, now))
                    .flatMap(ignored -> Panache.getSession().flatMap(session -> session.flush()))
                    .onFailure(MyContacts::uniqueViolation).transform(e -> ProblemException.conflict("duplicate-person",
                            "another person record has these names and this birth date: the two records must be merged first"))
                    .replaceWith(detail(found));
        });
    }

    /** The record takes the corrected value; a new birth date is also each of her journeys' check value. */
    private static Uni<Void> apply(PersonEntity person, String field, String value) {
        switch (field) {
            case "given-names" -> person.givenNames = value;
            case "family-name" -> person.familyName = value;
            default -> person.birthDate = LocalDate.parse(value);
        }
        person.nameKey = PersonNames.key(person.familyName, person.givenNames);
        person.seal();
        if (!"birth-date".equals(field)) {
            return Uni.createFrom().voidItem();
        }
        return JourneyEntity.<JourneyEntity>list("personId = ?1 and erasedAt is null", person.id).flatMap(journeys -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (JourneyEntity journey : journeys) {
                chain = chain.flatMap(ignored -> CheckValueEntity.<CheckValueEntity>findById(journey.id).map(check -> {
                    if (check != null) {
                        check.checkValue = journey.seal(value, CheckValueEntity.binding(journey.id));
                    }
                    return null;
                }));
            }
            return chain;
        });
    }

    private record Found(CorrectionRequestEntity row, PersonEntity person) {
    }

    private static Uni<Found> found(UUID id) {
        return CorrectionRequestEntity.<CorrectionRequestEntity>findById(id).flatMap(row -> row == null
                ? Uni.createFrom().failure(ProblemException.notFound("no correction request " + id))
                : PersonEntity.<PersonEntity>findById(row.personId).map(person -> {
                    if (person == null || person.erasedAt != null) {
                        throw ProblemException.notFound("no correction request " + id);
                    }
                    return new Found(row, person);
                }));
    }

    private static CorrectionViews.Mine mine(CorrectionRequestEntity row, PersonEntity person) {
        return new CorrectionViews.Mine(row.id, row.field, person.openValue(row.requestedValue, CorrectionRequestEntity.binding(row.id)),
                row.status, row.requestedAt, row.decidedAt, row.refusalReason);
    }

    private static CorrectionViews.Detail detail(Found found) {
        CorrectionRequestEntity row = found.row();
        PersonEntity p = found.person();
        return new CorrectionViews.Detail(row.id, p.id, p.givenNames, p.familyName, p.birthDate, row.field,
                p.openValue(row.requestedValue, CorrectionRequestEntity.binding(row.id)), row.status, row.requestedAt);
    }

    private static String normalised(String field, String value, Instant now) {
        if (value == null || value.isBlank() || value.length() > MAX_VALUE) {
            throw ProblemException.invalidField("value", "the right value, at most " + MAX_VALUE + " characters");
        }
        if ("birth-date".equals(field)) {
            return PersonDrafts.birthDate(value, now.atZone(CallbackSchedule.PARIS).toLocalDate())
                    .orElseThrow(() -> ProblemException.invalidField("value", "a birth date such as 14/07/1962, in the past"))
                    .toString();
        }
        return value.strip();
    }
}
