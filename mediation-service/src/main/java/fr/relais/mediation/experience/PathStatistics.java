package fr.relais.mediation.experience;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;

/**
 * The per procedure and path comparison, computed in PostgreSQL from what this service already knows of each journey
 * (its context row, its signals, its cases, its survey). Rows are not yet filtered for anonymity: {@link Anonymity}
 * does that before anything leaves the service.
 */
@ApplicationScoped
public class PathStatistics {

    private static final String PER_JOURNEY = """
            select j.procedure_id, %s as path, j.outcome, j.escalated,
                   extract(epoch from (j.ended_at - j.started_at)) / 60 as minutes,
                   a.active, f.errors, f.help, f.switches, f.desk_days, f.bounced,
                   r.id as survey, r.easy_to_understand, r.help_when_needed, r.feeling_compared_to_before
            from journey_context j
            left join lateral (
                select coalesce(sum(s.count) filter (where s.kind in ('validation-error', 'identity-check-failed')), 0) as errors,
                       coalesce(sum(s.count) filter (where s.kind = 'help-requested'), 0) as help,
                       count(*) filter (where s.kind = 'channel-switch') as switches,
                       count(distinct (s.occurred_at at time zone 'Europe/Paris')::date) filter (where s.channel = 'desk') as desk_days,
                       coalesce(bool_or(s.kind = 'channel-ping-pong'), false) as bounced,
                       array_agg(distinct s.channel) filter (where s.channel is not null) as channels
                from signal s where s.journey_id = j.journey_id) f on true
            left join lateral (
                select extract(epoch from sum(gap) filter (where gap <= interval '15 minutes')) / 60 as active
                from (select t - lag(t) over (order by t) as gap
                      from (select j.started_at as t
                            union all select s.occurred_at from signal s where s.journey_id = j.journey_id
                            union all select j.ended_at) times
                      where t is not null) gaps) a on j.ended_at is not null
            left join survey_response r on r.journey_id = j.journey_id and r.moment = 'end'
            where j.procedure_id is not null and j.started_at >= :since and j.started_at < :until
              and (:procedure = '' or j.procedure_id = :procedure)""".formatted(PathCode.sql(
            "array_append(coalesce(f.channels, '{}'::text[]), j.start_channel)",
            "exists (select 1 from mediation_case m where m.journey_id = j.journey_id)"));

    private static final String PER_PATH = """
            select procedure_id, path, count(*),
                   count(*) filter (where outcome = 'completed'),
                   count(*) filter (where outcome = 'abandoned'),
                   percentile_cont(0.5) within group (order by minutes) filter (where outcome = 'completed'),
                   avg(active), avg(minutes - active),
                   avg(desk_days), avg(switches), avg(errors), avg(help),
                   count(*) filter (where escalated), count(*) filter (where bounced),
                   count(survey), avg(easy_to_understand), avg(help_when_needed), avg(feeling_compared_to_before)
            from (%s) per_journey
            where path is not null
            group by procedure_id, path
            order by procedure_id, path""".formatted(PER_JOURNEY);

    /** Every procedure and path of journeys started in [since, until), or only one procedure's ("" for all). */
    public Uni<List<PathRow>> rows(String procedureId, Instant since, Instant until) {
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session
                .createNativeQuery(PER_PATH, Object[].class)
                .setParameter("since", since)
                .setParameter("until", until)
                .setParameter("procedure", procedureId == null ? "" : procedureId)
                .getResultList()))
                .map(rows -> rows.stream().map(PathStatistics::row).toList());
    }

    private static PathRow row(Object[] r) {
        return new PathRow((String) r[0], (String) r[1], count(r[2]), count(r[3]), count(r[4]), rounded(r[5]), rounded(r[6]),
                rounded(r[7]), zero(r[8]), zero(r[9]), zero(r[10]), zero(r[11]), count(r[12]), count(r[13]), count(r[14]),
                rounded(r[15]), rounded(r[16]), rounded(r[17]));
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    private static double zero(Object value) {
        Double rounded = rounded(value);
        return rounded == null ? 0 : rounded;
    }

    static Double rounded(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue() * 10) / 10.0;
    }
}
