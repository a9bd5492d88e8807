package fr.relais.journey.procedure;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a procedure: an ordered list of steps. A journey pins the version it started on
 * ({@code JourneyStarted.procedureVersion}); a new version never changes a running journey.
 */
public record ProcedureDefinition(String id, int version, String title, List<StepDefinition> steps, ProcedureRetention retention) {

    public ProcedureDefinition(String id, int version, String title, List<StepDefinition> steps) {
        this(id, version, title, steps, ProcedureRetention.DEFAULT);
    }

    public ProcedureDefinition {
        Objects.requireNonNull(id, "id");
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1: " + version);
        }
        title = title == null ? id : title;
        retention = retention == null ? ProcedureRetention.DEFAULT : retention;
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a procedure has at least one step: " + id);
        }
    }

    /** @return the step with that id, or null if unknown */
    public StepDefinition step(String stepId) {
        for (StepDefinition step : steps) {
            if (step.id().equals(stepId)) {
                return step;
            }
        }
        return null;
    }

    public StepDefinition first() {
        return steps.get(0);
    }

    /** @return the next step in order, empty after the last (or for an unknown step) */
    public Optional<StepDefinition> after(String stepId) {
        int index = indexOf(stepId);
        if (index < 0 || index + 1 >= steps.size()) {
            return Optional.empty();
        }
        return Optional.of(steps.get(index + 1));
    }

    /** @return the position of the step, -1 if unknown */
    public int indexOf(String stepId) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(stepId)) {
                return i;
            }
        }
        return -1;
    }

    public boolean isLast(String stepId) {
        return indexOf(stepId) == steps.size() - 1;
    }

    /** The field whose year is the resume code's check value (the birth date), if the procedure has one. */
    public Optional<FieldDefinition> checkField() {
        return steps.stream().flatMap(step -> step.checkField().stream()).findFirst();
    }

    /** The step that collects {@link #checkField()}. */
    public Optional<StepDefinition> checkStep() {
        return steps.stream().filter(step -> step.checkField().isPresent()).findFirst();
    }
}
