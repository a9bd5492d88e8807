package fr.relais.gateway.web;

import fr.relais.events.journey.CommandOutcome;
import fr.relais.gateway.commands.CommandResult;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A step's form as the portal and the desk post it, and journey-service's verdict on its fields. */
final class StepSubmission {

    static final String FIELD_PREFIX = "champ.";

    private StepSubmission() {
    }

    /** The answers of the form's fields ({@code champ.<field>}), stripped. */
    static Map<String, String> answers(MultivaluedMap<String, String> form) {
        Map<String, String> answers = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            // blank optional fields are left out rather than sent empty
            if (name.startsWith(FIELD_PREFIX) && !value.isEmpty() && value.get(0) != null && !value.get(0).isBlank()) {
                answers.put(name.substring(FIELD_PREFIX.length()), value.get(0).strip());
            }
        });
        return answers;
    }

    /** Each invalid field with its message, when the step was refused for its fields; empty otherwise. */
    static Optional<Map<String, String>> fieldErrors(CommandResult result) {
        if (result.pending() || !CommandOutcome.REASON_FIELD_INVALID.equals(result.outcome().reason())) {
            return Optional.empty();
        }
        Map<String, String> errors = new HashMap<>();
        result.outcome().fieldErrors().forEach(error -> errors.putIfAbsent(error.field(), StepForm.fieldMessage(error.rule())));
        return Optional.of(errors);
    }

    /** The step again, with its errors: 422 so that the browser does not take it for a success. */
    static Object refused(TemplateInstance page) {
        return Response.status(422).entity(page).build();
    }
}
