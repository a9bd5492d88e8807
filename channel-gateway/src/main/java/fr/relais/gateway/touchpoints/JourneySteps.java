package fr.relais.gateway.touchpoints;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.relais.gateway.downstream.JourneyAnswers;
import fr.relais.gateway.downstream.JourneyServiceClient;
import fr.relais.gateway.downstream.ProcedureAnswers;
import fr.relais.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The steps a journey can name: those of the procedure version it pinned, as journey-service defines it. A client
 * signal about any other "step" is refused, so made-up text never reaches channel.touchpoints (nor a metric label).
 */
@ApplicationScoped
public class JourneySteps {

    @Inject
    @RestClient
    JourneyServiceClient journeys;

    /** A published procedure version never changes, so its step ids may be kept (bounded; idle ones drop out). */
    private final Cache<String, Set<String>> stepsByVersion = Caffeine.newBuilder()
            .maximumSize(1_000).expireAfterAccess(Duration.ofHours(6)).build();

    /**
     * The journey, read with the caller's token (journey-service answers 404 unless they may read it), once
     * {@code stepId} is known to be one of its steps; otherwise a 400 problem naming {@code field}.
     */
    public Uni<JourneyAnswers.Detail> journeyWithStep(UUID journeyId, String field, String stepId) {
        return journeys.journey(journeyId).flatMap(journey -> stepsOf(journey).map(steps -> {
            if (!steps.contains(stepId)) {
                throw ProblemException.invalidField(field, field + " is not a step of this journey's procedure");
            }
            return journey;
        }));
    }

    /** The step ids of the procedure version a journey (as journey-service answered it) follows. */
    public Uni<Set<String>> stepsOf(JourneyAnswers.Detail journey) {
        String procedureId = journey.procedureId();
        int version = journey.procedureVersion();
        String key = procedureId + "@" + version;
        Set<String> known = stepsByVersion.getIfPresent(key);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return journeys.procedureVersion(procedureId, version).map(definition -> {
            Set<String> steps = definition.steps().stream().map(ProcedureAnswers.Step::id).filter(Objects::nonNull)
                    .collect(Collectors.toUnmodifiableSet());
            stepsByVersion.put(key, steps);
            return steps;
        });
    }
}
