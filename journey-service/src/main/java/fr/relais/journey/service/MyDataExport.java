package fr.relais.journey.service;

import fr.relais.events.journey.Actor;
import fr.relais.journey.persistence.AccessLogEntity;
import fr.relais.journey.persistence.PersonEntity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * "Télécharger mes données" (GDPR art. 15 and 20), journey-service's part: her person record, each journey of hers with
 * its answers, timeline, mandates and access log, the reads of her record that concern no journey, and her consents. Read through
 * the same owner reads as her portal, so the export shows exactly what Relais shows her, and logs nothing (hers).
 */
@ApplicationScoped
public class MyDataExport {

    /** @param consents every consent record of hers, given and withdrawn, newest first */
    public record Export(Instant exportedAt, PersonViews.Person person, List<JourneyData> journeys,
                         List<JourneyViews.AccessLogEntry> personAccessLog, List<ConsentViews.Entry> consents) {
    }

    public record JourneyData(JourneyViews.Detail journey, List<JourneyViews.AccessLogEntry> accessLog) {
    }

    @Inject
    JourneyReads reads;

    @Inject
    Clock clock;

    public Uni<Export> of(Actor citizen) {
        Instant now = clock.instant();
        return reads.mine(citizen).flatMap(summaries -> Multi.createFrom().iterable(summaries)
                .onItem().transformToUniAndConcatenate(summary -> reads.detail(summary.id(), citizen, Set.of())
                        .flatMap(detail -> reads.accessLog(summary.id(), citizen).map(log -> new JourneyData(detail, log))))
                .collect().asList()
                .flatMap(journeys -> person(citizen, summaries).map(person -> new Export(now,
                        person == null ? null : person.person(), journeys, person == null ? List.of() : person.accessLog(),
                        person == null ? List.of() : person.consents()))));
    }

    private record PersonData(PersonViews.Person person, List<JourneyViews.AccessLogEntry> accessLog,
                              List<ConsentViews.Entry> consents) {
    }

    @WithSession
    Uni<PersonData> person(Actor citizen, List<JourneyViews.Summary> summaries) {
        return PersonEntity.<PersonEntity>find("accountSubject", citizen.subject()).firstResult().flatMap(p -> p == null
                ? Uni.createFrom().nullItem()
                : AccessLogEntity.<AccessLogEntity>list("personId = ?1 and journeyId is null", Sort.ascending("at"), p.id)
                .flatMap(rows -> MyConsents.history(p.id).map(consents -> new PersonData(PersonRecords.view(p, summaries), rows.stream()
                        .map(e -> new JourneyViews.AccessLogEntry(e.at, e.actorRole, e.actorSite, e.channel, e.action, e.reason))
                        .toList(), consents))));
    }
}
