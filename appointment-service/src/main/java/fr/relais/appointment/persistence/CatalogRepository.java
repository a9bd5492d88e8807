package fr.relais.appointment.persistence;

import fr.relais.appointment.domain.BookingRules;
import fr.relais.appointment.domain.Channel;
import fr.relais.appointment.domain.Closure;
import fr.relais.appointment.domain.Motif;
import fr.relais.appointment.domain.OpeningHours;
import fr.relais.appointment.domain.Site;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads sites (with counters, hours and closures) and motifs (with steps and sites) into domain objects, in one session. */
@ApplicationScoped
public class CatalogRepository {

    /** The stored rows, table by table (a few dozen in all). */
    private record Rows(List<SiteEntity> sites, List<CounterEntity> counters, List<OpeningPeriodEntity> periods,
                        List<ClosureEntity> closures, List<MotifEntity> motifs, List<MotifStepEntity> steps,
                        List<MotifSiteEntity> motifSites) {
    }

    public Uni<Catalog> load() {
        // one session runs one query at a time: chained, not combined
        return Panache.withSession(() -> SiteEntity.<SiteEntity>listAll(Sort.by("id"))
                .flatMap(sites -> CounterEntity.<CounterEntity>listAll(Sort.by("id"))
                .flatMap(counters -> OpeningPeriodEntity.<OpeningPeriodEntity>listAll()
                .flatMap(periods -> ClosureEntity.<ClosureEntity>listAll(Sort.by("day").and("fromTime"))
                .flatMap(closures -> MotifEntity.<MotifEntity>listAll(Sort.by("id"))
                .flatMap(motifs -> MotifStepEntity.<MotifStepEntity>listAll()
                .flatMap(steps -> MotifSiteEntity.<MotifSiteEntity>listAll()
                .map(motifSites -> build(new Rows(sites, counters, periods, closures, motifs, steps, motifSites))))))))));
    }

    private static Catalog build(Rows rows) {
        Map<String, List<String>> countersBySite = new HashMap<>();
        rows.counters().forEach(c -> countersBySite.computeIfAbsent(c.siteId, k -> new ArrayList<>()).add(c.id));
        Map<String, Map<DayOfWeek, List<OpeningHours.Period>>> weekly = new HashMap<>();
        rows.periods().forEach(p -> weekly.computeIfAbsent(p.siteId, k -> new EnumMap<>(DayOfWeek.class))
                .computeIfAbsent(DayOfWeek.of(p.dayOfWeek), k -> new ArrayList<>())
                .add(new OpeningHours.Period(p.opens, p.closes)));
        Map<String, List<Closure>> closed = new HashMap<>();
        rows.closures().forEach(c -> closed.computeIfAbsent(c.siteId, k -> new ArrayList<>()).add(c.toDomain()));

        Map<String, Site> sites = new LinkedHashMap<>();
        for (SiteEntity s : rows.sites()) {
            OpeningHours hours = new OpeningHours(ZoneId.of(s.timeZone), weekly.getOrDefault(s.id, Map.of()),
                    closed.getOrDefault(s.id, List.of()), s.closedOnPublicHolidays);
            sites.put(s.id, new Site(s.id, s.name, s.department, Channel.fromWire(s.channel), hours,
                    countersBySite.getOrDefault(s.id, List.of())));
        }

        Map<String, Set<String>> stepsByMotif = new HashMap<>();
        rows.steps().forEach(s -> stepsByMotif.computeIfAbsent(s.motifId, k -> new HashSet<>()).add(s.step));
        Map<String, Set<String>> sitesByMotif = new HashMap<>();
        rows.motifSites().forEach(s -> sitesByMotif.computeIfAbsent(s.motifId, k -> new HashSet<>()).add(s.siteId));
        Map<String, Motif> motifs = new LinkedHashMap<>();
        for (MotifEntity m : rows.motifs()) {
            motifs.put(m.id, new Motif(m.id, m.title, stepsByMotif.getOrDefault(m.id, Set.of()),
                    Duration.ofMinutes(m.durationMinutes), Channel.fromWire(m.channel),
                    new BookingRules(Duration.ofMinutes(m.minNoticeMinutes), Duration.ofMinutes(m.maxHorizonMinutes)),
                    sitesByMotif.getOrDefault(m.id, Set.of())));
        }
        return new Catalog(Collections.unmodifiableMap(sites), Collections.unmodifiableMap(motifs));
    }
}
