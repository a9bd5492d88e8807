package fr.relais.gateway.web;

import fr.relais.gateway.api.CallbackRequests;
import fr.relais.gateway.downstream.CallbackAnswers;
import fr.relais.gateway.downstream.JourneyServiceClient;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.MultivaluedMap;

import java.util.List;
import java.util.UUID;

/**
 * The call back form of the desk's and the portal's journey pages ("Faire rappeler l'usager", "Être rappelé"):
 * read from the posted form, checked by the API's own rules, sent to journey-service; its refusals as codes for
 * the redirect and French words for the page.
 */
final class CallbackForm {

    /** The message code of a call back requested. */
    static final String CONFIRMED = "rappel-demande";

    static final String CONFIRMATION = "Le rappel est demandé : la plateforme téléphonique appellera dans les créneaux choisis.";

    private CallbackForm() {
    }

    /** The windows to tick, in French ("mardi matin (9 h – 12 h 30)"). */
    static List<PersonForm.Choice> windows() {
        return Vocabulary.windowCodes().stream().map(code -> new PersonForm.Choice(code, Vocabulary.callbackWindowWithHours(code), false))
                .toList();
    }

    static List<Option> reasons() {
        return Vocabulary.callbackReasons().entrySet().stream().map(e -> new Option(e.getKey(), e.getValue())).toList();
    }

    /** The form's request, checked (a ProblemException naming the field otherwise), then sent with the caller's token. */
    static Uni<CallbackAnswers.Entry> send(JourneyServiceClient journeys, UUID journeyId, MultivaluedMap<String, String> form) {
        return Uni.createFrom().item(() -> CallbackRequests.checked(new CallbackAnswers.Request(form.getFirst("phone"),
                        "oui".equals(form.getFirst("consent")), PersonForm.boxes(form, "windows"), form.getFirst("reasonCode"))))
                .flatMap(request -> journeys.requestCallback(journeyId, request));
    }

    /** The code a refused call back is redirected with: the field at fault, or journey-service's reason. */
    static String messageOf(Throwable failure) {
        Refusal refusal = Refusal.of(failure).orElseThrow();
        if (refusal.fieldErrors().containsKey("consent")) {
            return "consent-required";
        }
        if (refusal.fieldErrors().containsKey("windows")) {
            return "window-required";
        }
        if (refusal.fieldErrors().containsKey("phone")) {
            return "phone-invalid";
        }
        if (refusal.fieldErrors().containsKey("reasonCode")) {
            return "unknown-reason";
        }
        return refusal.code();
    }

    /** The words for a call back's refusal, or for any other message code of the journey pages. */
    static String text(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "consent-required" -> "Le rappel demande l'accord de la personne pour être appelée à ce numéro : cochez la case.";
            case "window-required" -> "Choisissez au moins un créneau de rappel.";
            case "phone-invalid" -> "Numéro manquant ou non valable : saisissez le numéro auquel rappeler, par exemple 05 55 12 34 56.";
            case "no-phone", "phone-required" -> "Aucun numéro n'est connu : saisissez celui auquel rappeler la personne.";
            case "unknown-reason" -> "Choisissez un motif dans la liste.";
            case "callback-pending" -> "Un rappel est déjà demandé pour cette démarche.";
            case "wrong-status" -> "La démarche attend déjà la suite ailleurs : le rappel n'est pas possible maintenant.";
            default -> CommandMessages.text(code);
        };
    }
}
