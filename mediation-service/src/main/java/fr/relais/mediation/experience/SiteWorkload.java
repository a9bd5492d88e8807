package fr.relais.mediation.experience;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agents' side per site: journeys handled (claimed there), claims per agent-hour (hours in which an agent claimed
 * at least one journey), the mean wait from a hand-off to the site until an agent claimed the journey, and what agents
 * flagged as hard, read as training needs (most flagged first). A site that handled fewer than k journeys is hidden.
 */
@ApplicationScoped
public class SiteWorkload {

    private static final String PER_SITE = """
            select w.site, count(distinct w.journey_id), count(*), count(distinct (w.agent, date_trunc('hour', w.at))),
                   avg(extract(epoch from (w.at - h.at)) / 60)
            from site_work w
            left join lateral (select max(o.at) as at from site_work o
                               where o.journey_id = w.journey_id and o.site = w.site and o.kind = 'handoff' and o.at <= w.at) h on true
            where w.kind = 'claim' and w.at >= :since
            group by w.site order by w.site""";
    private static final String FLAGS = """
            select site, code, count(*) from agent_flag where flagged_at >= :since and site is not null
            group by site, code order by site, count(*) desc, code""";

    @Inject
    Anonymity anonymity;

    /**
     * @param claimsPerAgentHour claims divided by the hours in which an agent of the site claimed at least one journey
     * @param meanHandoffWaitMinutes from the hand-off to the site to the claim, over claims that followed a hand-off
     * @param trainingNeeds the flag codes raised at the site, most frequent first
     */
    public record SiteRow(String site, long journeysHandled, long claims, long agentHours, Double claimsPerAgentHour,
                          Double meanHandoffWaitMinutes, List<ProcedureExperience.FlagRow> flags, List<String> trainingNeeds) {
    }

    public record View(Instant since, int minCellSize, List<SiteRow> sites, int hiddenSites) {
    }

    public Uni<View> view(Instant since) {
        return query(PER_SITE, since).flatMap(rows -> query(FLAGS, since).map(flagRows -> {
            Map<String, List<ProcedureExperience.FlagRow>> flags = new LinkedHashMap<>();
            flagRows.forEach(r -> flags.computeIfAbsent((String) r[0], s -> new ArrayList<>())
                    .add(new ProcedureExperience.FlagRow((String) r[0], (String) r[1], ((Number) r[2]).longValue())));
            List<SiteRow> sites = rows.stream().map(r -> {
                long claims = ((Number) r[2]).longValue();
                long hours = ((Number) r[3]).longValue();
                List<ProcedureExperience.FlagRow> flagged = flags.getOrDefault((String) r[0], List.of());
                return new SiteRow((String) r[0], ((Number) r[1]).longValue(), claims, hours,
                        hours == 0 ? null : PathStatistics.rounded((double) claims / hours), PathStatistics.rounded(r[4]),
                        flagged, flagged.stream().map(ProcedureExperience.FlagRow::code).toList());
            }).toList();
            Anonymity.Visible<SiteRow> shown = anonymity.filter(sites, SiteRow::journeysHandled);
            return new View(since, anonymity.minCellSize(), shown.rows(), shown.hidden());
        }));
    }

    private static Uni<List<Object[]>> query(String sql, Instant since) {
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session.createNativeQuery(sql, Object[].class)
                .setParameter("since", since).getResultList()));
    }
}
