package fr.relais.mediation.api;

import fr.relais.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * For procedure designers and operations: where citizens struggle (signals per procedure step and kind),
 * how cases end (outcomes per pool) and how long a citizen waits for a human. Aggregates only, no ids.
 */
@Path("/statistics")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"ops", "admin", "mediator"})
public class StatisticsResource {

    private static final String FRICTION = """
            select coalesce(c.procedure_id, 'unknown'), coalesce(s.step_id, 'unknown'), s.kind, count(*)
            from signal s left join journey_context c on c.journey_id = s.journey_id
            where s.occurred_at >= :since and s.kind not in ('step-viewed', 'channel-switch', 'step-completed')
            group by 1, 2, 3 order by 4 desc, 1, 2, 3 limit 500""";
    private static final String OUTCOMES = """
            select pool, coalesce(outcome, lower(status)), count(*),
                   avg(extract(epoch from (first_contact_at - opened_at))),
                   avg(extract(epoch from (resolved_at - opened_at)))
            from mediation_case where opened_at >= :since
            group by 1, 2 order by 1, 2""";

    public record Statistics(Instant since, List<StepFriction> friction, List<Outcomes> outcomes) {
    }

    public record StepFriction(String procedureId, String stepId, String signal, long count) {
    }

    /**
     * @param outcome an outcome code, or {@code open} / {@code claimed} for cases still running
     * @param averageSecondsToFirstContact the average time to a human, null when none was contacted yet
     */
    public record Outcomes(String pool, String outcome, long cases, Double averageSecondsToFirstContact,
                           Double averageSecondsToResolution) {
    }

    @GET
    public Uni<Statistics> statistics(@QueryParam("days") @DefaultValue("30") int days) {
        if (days < 1 || days > 366) {
            throw ProblemException.badRequest("invalid-period", "days must be between 1 and 366");
        }
        Instant since = Instant.now().minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        return Panache.withSession(() -> Panache.getSession().flatMap(session ->
                session.createNativeQuery(FRICTION, Object[].class).setParameter("since", since).getResultList()
                        .flatMap(friction -> session.createNativeQuery(OUTCOMES, Object[].class).setParameter("since", since)
                                .getResultList()
                                .map(outcomes -> new Statistics(since,
                                        friction.stream().map(r -> new StepFriction((String) r[0], (String) r[1], (String) r[2],
                                                ((Number) r[3]).longValue())).toList(),
                                        outcomes.stream().map(r -> new Outcomes((String) r[0], (String) r[1],
                                                ((Number) r[2]).longValue(), number(r[3]), number(r[4]))).toList())))));
    }

    private static Double number(Object value) {
        return value == null ? null : Math.round(((Number) value).doubleValue() * 10) / 10.0;
    }
}
