package fr.relais.journey.service;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the call back API reads and answers. */
public final class CallbackViews {

    private CallbackViews() {
    }

    /**
     * A request to be called back.
     *
     * @param phone   the number to call; when blank, the person record's
     * @param consent the citizen agreed to be called on this number (required)
     * @param windows codes of {@code CallbackWindows}, e.g. {@code mardi-matin}
     */
    public record Request(String phone, boolean consent, List<String> windows, String reasonCode) {
    }

    /** @param outcome one of {@code CallbackOutcomes} */
    public record Attempt(String outcome) {
    }

    /**
     * One call back in the phone agents' queue. The number is given only to the agent who took it.
     *
     * @param takenByMe    this agent took it (and sees the number)
     * @param takenByOther another agent took it and is calling
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(UUID callbackId, UUID journeyId, String procedureId, String currentStep, String reasonCode,
                        List<String> windows, Instant dueAt, Instant windowEndsAt, int failedAttempts, boolean due,
                        boolean overdue, boolean takenByMe, boolean takenByOther, String phone) {
    }

    /** What became of an attempt: the call back closed or still waiting, and the journey's status. */
    public record AttemptResult(UUID callbackId, UUID journeyId, String outcome, int failedAttempts, boolean closed,
                                String journeyStatus) {
    }
}
