package fr.relais.gateway.web;

import java.util.Locale;
import java.util.Map;

/**
 * The French words for the codes the services answer with, so that no page shows a code a person has to decode
 * ("claimed", "friction-threshold", "HELD"). An unknown code falls back to a neutral phrase, never to the code.
 */
final class Vocabulary {

    private static final Map<String, String> ACCESS_REASONS = Map.of(
            "claimed", "démarche prise en charge par l'agent",
            "present-at-site", "usager présent au guichet",
            "handoff-to-site", "usager orienté vers ce guichet",
            "verified-call", "appel de l'usager vérifié",
            "mandate", "mandat donné par l'usager",
            "mediation", "dossier de médiation");

    private static final Map<String, String> HANDOFF_REASONS = Map.of(
            "citizen-choice", "choix de l'usager",
            "needs-help", "besoin d'aide",
            "identity-check", "vérification d'identité",
            "documents-help", "aide pour les pièces justificatives");

    private static final Map<String, String> CASE_REASONS = Map.of(
            "friction-threshold", "difficultés répétées sur la démarche");

    private static final Map<String, String> SIGNALS = Map.ofEntries(
            Map.entry("validation-error", "erreur de saisie"),
            Map.entry("help-requested", "demande d'aide"),
            Map.entry("step-idle", "étape restée sans suite"),
            Map.entry("session-abandoned", "session abandonnée"),
            Map.entry("call-dropped", "appel interrompu"),
            Map.entry("identity-check-failed", "vérification d'identité échouée"),
            Map.entry("no-show", "rendez-vous manqué"),
            Map.entry("channel-ping-pong", "allers-retours entre canaux"),
            Map.entry("went-back", "retour en arrière"),
            Map.entry("step-viewed", "étape consultée"),
            Map.entry("channel-switch", "changement de canal"),
            Map.entry("step-completed", "étape complétée"));

    private static final Map<String, String> CASE_ACTIONS = Map.of(
            "opened", "Dossier ouvert", "claimed", "Pris en charge", "contact", "Tentative de contact",
            "note", "Note", "resolved", "Dossier clos", "sla-at-risk", "Échéance proche", "sla-breached", "Échéance dépassée");

    private static final Map<String, String> BOOKING_STATUSES = Map.of(
            "HELD", "Réservé, à confirmer", "CONFIRMED", "Confirmé", "CHECKED_IN", "Accueilli au guichet",
            "NO_SHOW", "Absent", "CANCELLED", "Annulé", "EXPIRED", "Réservation expirée");

    private Vocabulary() {
    }

    /** Why the agent may see this journey. */
    static String accessReason(String code) {
        return code == null ? "" : ACCESS_REASONS.getOrDefault(code, "accès autorisé");
    }

    static String handoffReason(String code) {
        return code == null ? "" : HANDOFF_REASONS.getOrDefault(code, "autre motif");
    }

    static String caseReason(String code) {
        return code == null ? "" : CASE_REASONS.getOrDefault(code, "autre motif");
    }

    static String signal(String kind) {
        return kind == null ? "" : SIGNALS.getOrDefault(kind, "signal");
    }

    static String caseAction(String action) {
        return action == null ? "" : CASE_ACTIONS.getOrDefault(action, "Événement");
    }

    static String bookingStatus(String status) {
        return status == null ? "" : BOOKING_STATUSES.getOrDefault(status.toUpperCase(Locale.ROOT), "Statut inconnu");
    }

    /**
     * A friction score as a level a person reads at once, relative to the threshold that opens a case; the
     * figure, rounded to one decimal, comes after it.
     */
    static String frictionLevel(double score, double threshold) {
        String level;
        if (threshold <= 0 || score < threshold / 2) {
            level = "faible";
        } else if (score < threshold) {
            level = "modérée";
        } else if (score < 2 * threshold) {
            level = "forte";
        } else {
            level = "très forte";
        }
        return level + " (" + figure(score) + ")";
    }

    /** One decimal, French style: 11.999452438714158 reads "12,0". */
    static String figure(double value) {
        return String.format(Locale.FRANCE, "%.1f", value);
    }
}
