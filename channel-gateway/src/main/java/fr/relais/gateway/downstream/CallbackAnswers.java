package fr.relais.gateway.downstream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** journey-service's call backs as the gateway sends and reads them. */
public final class CallbackAnswers {

    private CallbackAnswers() {
    }

    /**
     * A request to be called back.
     *
     * @param phone   the number; blank to use the person record's
     * @param consent the citizen agreed to be called on it (required)
     * @param windows e.g. mardi-matin, jeudi-apres-midi (weekday mornings 9:00-12:30, afternoons 13:30-17:00)
     * @param reasonCode a handoff reason code (needs-help by default)
     */
    @Schema(name = "CallbackRequest")
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Request(String phone, boolean consent, List<String> windows, String reasonCode) {
    }

    /** @param outcome reached, no-answer, wrong-number or call-dropped */
    @Schema(name = "CallbackAttempt")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Attempt(String outcome) {
    }

    /** One call back in the phone platform's queue; the number only for the agent who took it. */
    @Schema(name = "Callback")
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(UUID callbackId, UUID journeyId, String procedureId, String currentStep, String reasonCode,
                        List<String> windows, Instant dueAt, Instant windowEndsAt, int failedAttempts, boolean due,
                        boolean overdue, boolean takenByMe, boolean takenByOther, String phone) {
    }

    @Schema(name = "CallbackAttemptResult")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AttemptResult(UUID callbackId, UUID journeyId, String outcome, int failedAttempts, boolean closed,
                                String journeyStatus) {
    }
}
