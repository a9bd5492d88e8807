package fr.relais.gateway.downstream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Duration;
import java.util.List;

/**
 * A procedure version as journey-service publishes it (its {@code ProcedureDefinition}): the gateway's own copy,
 * tolerant of fields it does not know yet. Absent lists read as empty.
 */
public final class ProcedureAnswers {

    private ProcedureAnswers() {
    }

    @Schema(name = "Procedure")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Procedure(String id, int version, String title, List<Step> steps) {
        public Procedure {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }

        /** The step with that id, or null. */
        public Step step(String stepId) {
            return steps.stream().filter(s -> s.id().equals(stepId)).findFirst().orElse(null);
        }
    }

    /** @param channels where the step may be done: portal, phone, desk */
    @Schema(name = "ProcedureStep")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Step(String id, String title, List<String> channels, boolean presenceRequired, boolean appointmentRequired,
                       Duration expectedDuration, List<Field> fields) {
        public Step {
            channels = channels == null ? List.of() : List.copyOf(channels);
            fields = fields == null ? List.of() : List.copyOf(fields);
        }
    }

    /** @param type text, date, number, choice or document, as journey-service writes it */
    @Schema(name = "ProcedureField")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Field(String name, String label, String type, boolean required, String pattern, List<String> options,
                        boolean checkField) {
        public Field {
            options = options == null ? List.of() : List.copyOf(options);
        }
    }
}
