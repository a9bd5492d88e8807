package fr.relais.appointment.persistence;

import fr.relais.appointment.domain.BookingRules;
import fr.relais.appointment.domain.Channel;
import fr.relais.appointment.domain.Motif;
import fr.relais.appointment.domain.OpeningHours;
import fr.relais.appointment.domain.Site;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads sites (with counters, hours and closures) and motifs (with steps and sites) into domain objects. */
@ApplicationScoped
public class CatalogRepository {

    @Inject
    Pool pool;

    public Uni<Catalog> load() {
        return load(pool);
    }

    public Uni<Catalog> load(SqlClient client) {
        Uni<RowSet<Row>> sites = client.query("select * from site order by id").execute();
        Uni<RowSet<Row>> counters = client.query("select id, site_id from counter order by id").execute();
        Uni<RowSet<Row>> periods = client.query("select * from opening_period").execute();
        Uni<RowSet<Row>> closures = client.query("select site_id, day from closure").execute();
        Uni<RowSet<Row>> motifs = client.query("select * from motif order by id").execute();
        Uni<RowSet<Row>> steps = client.query("select * from motif_step").execute();
        Uni<RowSet<Row>> motifSites = client.query("select * from motif_site").execute();
        return Uni.combine().all().unis(List.of(sites, counters, periods, closures, motifs, steps, motifSites))
                .with(results -> build(rows(results.get(0)), rows(results.get(1)), rows(results.get(2)),
                        rows(results.get(3)), rows(results.get(4)), rows(results.get(5)), rows(results.get(6))));
    }

    @SuppressWarnings("unchecked")
    private static List<Row> rows(Object rowSet) {
        List<Row> list = new ArrayList<>();
        ((RowSet<Row>) rowSet).forEach(list::add);
        return list;
    }

    private static Catalog build(List<Row> siteRows, List<Row> counterRows, List<Row> periodRows, List<Row> closureRows,
                                 List<Row> motifRows, List<Row> stepRows, List<Row> motifSiteRows) {
        Map<String, List<String>> countersBySite = new HashMap<>();
        counterRows.forEach(r -> countersBySite.computeIfAbsent(r.getString("site_id"), k -> new ArrayList<>()).add(r.getString("id")));
        Map<String, Map<DayOfWeek, List<OpeningHours.Period>>> weekly = new HashMap<>();
        periodRows.forEach(r -> weekly.computeIfAbsent(r.getString("site_id"), k -> new EnumMap<>(DayOfWeek.class))
                .computeIfAbsent(DayOfWeek.of(r.getShort("day_of_week")), k -> new ArrayList<>())
                .add(new OpeningHours.Period(r.getLocalTime("opens"), r.getLocalTime("closes"))));
        Map<String, Set<LocalDate>> closed = new HashMap<>();
        closureRows.forEach(r -> closed.computeIfAbsent(r.getString("site_id"), k -> new HashSet<>()).add(r.getLocalDate("day")));

        Map<String, Site> sites = new LinkedHashMap<>();
        for (Row r : siteRows) {
            String id = r.getString("id");
            OpeningHours hours = new OpeningHours(ZoneId.of(r.getString("time_zone")),
                    weekly.getOrDefault(id, Map.of()), closed.getOrDefault(id, Set.of()),
                    r.getBoolean("closed_on_public_holidays"));
            sites.put(id, new Site(id, r.getString("name"), r.getString("department"),
                    Channel.fromWire(r.getString("channel")), hours, countersBySite.getOrDefault(id, List.of())));
        }

        Map<String, Set<String>> stepsByMotif = new HashMap<>();
        stepRows.forEach(r -> stepsByMotif.computeIfAbsent(r.getString("motif_id"), k -> new HashSet<>()).add(r.getString("step")));
        Map<String, Set<String>> sitesByMotif = new HashMap<>();
        motifSiteRows.forEach(r -> sitesByMotif.computeIfAbsent(r.getString("motif_id"), k -> new HashSet<>()).add(r.getString("site_id")));
        Map<String, Motif> motifs = new LinkedHashMap<>();
        for (Row r : motifRows) {
            String id = r.getString("id");
            motifs.put(id, new Motif(id, r.getString("title"), stepsByMotif.getOrDefault(id, Set.of()),
                    Duration.ofMinutes(r.getInteger("duration_minutes")), Channel.fromWire(r.getString("channel")),
                    new BookingRules(Duration.ofMinutes(r.getInteger("min_notice_minutes")),
                            Duration.ofMinutes(r.getInteger("max_horizon_minutes"))),
                    sitesByMotif.getOrDefault(id, Set.of())));
        }
        return new Catalog(java.util.Collections.unmodifiableMap(sites), java.util.Collections.unmodifiableMap(motifs));
    }
}
