package fr.relais.mediation.experience;

import fr.relais.mediation.service.MetricLabels;
import fr.relais.messaging.metrics.SharedGauge;
import fr.relais.messaging.metrics.SharedGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The experience in Prometheus, for the "expérience" dashboard: counters of surveys, comments and agents' flags as they
 * happen, and gauges of the last 90 days' path comparison (only cells of at least k journeys, like every other
 * output; reported by the instance holding the metrics lease, so replicas do not add up). Labels are codes from closed
 * lists: procedure (bounded by MetricLabels), path, channel, flag code, role, site.
 */
@ApplicationScoped
public class ExperienceMetrics {

    private static final Duration WINDOW = Duration.ofDays(90);

    @Inject
    MeterRegistry registry;

    @Inject
    MetricLabels labels;

    @Inject
    SharedGauges gauges;

    @Inject
    PathStatistics paths;

    @Inject
    Anonymity anonymity;

    @Inject
    Clock clock;

    /** Every gauge reported so far, so a cell that drops under k reads 0 rather than its last value. */
    private final Map<String, SharedGauge> reported = new ConcurrentHashMap<>();

    void surveyRecorded(String procedureId, String channel, boolean withComment) {
        registry.counter("relais_experience_surveys_total", "procedure", labels.procedure(procedureId), "channel", channel)
                .increment();
        if (withComment) {
            registry.counter("relais_experience_comments_total", "procedure", labels.procedure(procedureId), "status", "pending")
                    .increment();
        }
    }

    void moderated(String procedureId, String status) {
        registry.counter("relais_experience_comments_total", "procedure", labels.procedure(procedureId), "status", status)
                .increment();
    }

    void agentFlag(FlagCode code, String role, String site) {
        registry.counter("relais_experience_agent_flags_total", "code", code.wire(), "role", role == null ? "unknown" : role,
                "site", site == null ? "none" : site).increment();
    }

    @Scheduled(every = "${relais.experience.gauges-interval:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        if (!gauges.reporting()) {
            return Uni.createFrom().voidItem();
        }
        return paths.rows("", clock.instant().minus(WINDOW), clock.instant())
                .flatMap(rows -> pendingComments().invoke(pending -> publish(rows, pending)))
                .onFailure().invoke(failure -> Log.debugf("experience gauges: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<List<Object[]>> pendingComments() {
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session.createNativeQuery(
                "select coalesce(procedure_id, ''), count(*) from survey_response where comment_status = 'pending' group by 1",
                Object[].class).getResultList()));
    }

    private void publish(List<PathRow> rows, List<Object[]> pending) {
        Map<String, Double> measured = new HashMap<>();
        for (PathRow row : anonymity.filter(rows, PathRow::journeys).rows()) {
            Tags tags = Tags.of("procedure", labels.procedure(row.procedureId()), "path", row.path());
            measure(measured, "relais_experience_path_journeys", tags, row.journeys());
            measure(measured, "relais_experience_path_completed", tags, row.completed());
            measure(measured, "relais_experience_path_abandoned", tags, row.abandoned());
            measure(measured, "relais_experience_path_bounced", tags, row.bounced());
            measure(measured, "relais_experience_path_surveys", tags, row.surveys());
            score(measured, tags, "easy-to-understand", row.easyToUnderstand());
            score(measured, tags, "help-when-needed", row.helpWhenNeeded());
            score(measured, tags, "feeling-compared-to-before", row.feelingComparedToBefore());
        }
        // every known procedure reads 0 when nothing waits, so the dashboard shows "nothing to moderate", not "no data"
        Map<String, Double> waiting = new HashMap<>();
        labels.procedureValues().forEach(procedure -> waiting.put(procedure, 0.0));
        for (Object[] row : pending) {
            waiting.merge(labels.procedure((String) row[0]), ((Number) row[1]).doubleValue(), Double::sum);
        }
        waiting.forEach((procedure, count) -> measure(measured, "relais_experience_comments_pending",
                Tags.of("procedure", procedure), count));
        reported.forEach((key, gauge) -> gauge.set(measured.getOrDefault(key, 0.0)));
    }

    private void score(Map<String, Double> measured, Tags tags, String question, Double value) {
        if (value != null) {
            measure(measured, "relais_experience_path_score", tags.and("question", question), value);
        }
    }

    private void measure(Map<String, Double> measured, String name, Tags tags, double value) {
        String key = name + tags;
        reported.computeIfAbsent(key, k -> gauges.gauge(name, null, tags));
        measured.put(key, value);
    }
}
