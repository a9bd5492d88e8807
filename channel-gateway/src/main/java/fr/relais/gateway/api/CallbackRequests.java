package fr.relais.gateway.api;

import fr.relais.events.journey.CallbackWindows;
import fr.relais.events.journey.HandoffReasons;
import fr.relais.gateway.downstream.CallbackAnswers;
import fr.relais.problem.ProblemException;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A call back request checked before it leaves the gateway, each refusal a 400 naming its field: the citizen's
 * consent, windows of the closed list (at least one), a reason of the closed list. The number's format is
 * journey-service's to judge (it keeps the number); its refusal is relayed, naming the field too.
 */
public final class CallbackRequests {

    private CallbackRequests() {
    }

    /** The request as journey-service gets it: windows in lower case, needs-help when no reason is given. */
    public static CallbackAnswers.Request checked(CallbackAnswers.Request request) {
        if (request == null || !request.consent()) {
            throw ProblemException.invalidField("consent", "consent must be true: the citizen agrees to be called back on this number");
        }
        if (request.windows() == null || request.windows().isEmpty()) {
            throw ProblemException.invalidField("windows", "windows is required: at least one of " + codes());
        }
        for (String window : request.windows()) {
            if (!CallbackWindows.isKnown(window)) {
                throw ProblemException.invalidField("windows", "each window must be one of " + codes());
            }
        }
        String reason = request.reasonCode() == null || request.reasonCode().isBlank() ? HandoffReasons.NEEDS_HELP : request.reasonCode();
        if (!HandoffReasons.isKnown(reason)) {
            throw ProblemException.invalidField("reasonCode", "reasonCode must be one of " + new TreeSet<>(HandoffReasons.all()));
        }
        List<String> windows = request.windows().stream().map(w -> w.toLowerCase(Locale.ROOT)).distinct().toList();
        String phone = request.phone() == null || request.phone().isBlank() ? null : request.phone().strip();
        return new CallbackAnswers.Request(phone, true, windows, reason);
    }

    private static List<String> codes() {
        return CallbackWindows.all().stream().map(CallbackWindows.Window::code).toList();
    }
}
