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

    /** The days of the call-back windows (fr.relais.events.journey.CallbackWindows), e.g. mardi-matin. */
    private static final Map<String, String> WINDOW_HALVES = Map.of("matin", "matin", "apres-midi", "après-midi");

    private static final Map<String, String> CALLBACK_OUTCOMES = Map.of(
            "reached", "Joint", "no-answer", "Pas de réponse", "wrong-number", "Mauvais numéro", "call-dropped", "Appel coupé");

    private static final Map<String, String> LANGUAGES = Map.of(
            "fr", "français", "en", "anglais", "ar", "arabe", "es", "espagnol", "pt", "portugais", "tr", "turc",
            "ro", "roumain", "ru", "russe", "uk", "ukrainien", "zh", "chinois");

    private static final Map<String, String> NEEDS = Map.of(
            "handicap-visuel", "handicap visuel", "handicap-auditif", "handicap auditif",
            "lecture-difficile", "lecture difficile", "mobilite-reduite", "mobilité réduite");

    private Vocabulary() {
    }

    /** A call-back window: "mardi-matin" reads "mardi matin", "jeudi-apres-midi" "jeudi après-midi". */
    static String callbackWindow(String code) {
        if (code == null) {
            return "";
        }
        int dash = code.indexOf('-');
        String day = dash < 0 ? "" : code.substring(0, dash);
        String half = dash < 0 ? null : WINDOW_HALVES.get(code.substring(dash + 1));
        boolean weekday = java.util.List.of("lundi", "mardi", "mercredi", "jeudi", "vendredi").contains(day);
        return weekday && half != null ? day + " " + half : "créneau inconnu";
    }

    /** The windows of one call back, in the order given: "mardi matin, jeudi après-midi". */
    static String callbackWindows(java.util.List<String> codes) {
        return codes == null || codes.isEmpty() ? "aucun créneau précisé"
                : String.join(", ", codes.stream().map(Vocabulary::callbackWindow).toList());
    }

    static String callbackOutcome(String code) {
        return code == null ? "" : CALLBACK_OUTCOMES.getOrDefault(code, "Autre issue");
    }

    static String language(String code) {
        return code == null ? "" : LANGUAGES.getOrDefault(code, "autre langue");
    }

    static String need(String code) {
        return code == null ? "" : NEEDS.getOrDefault(code, "autre besoin");
    }

    /** How a person record's identity was established. */
    static String identity(String code) {
        return switch (code == null ? "" : code) {
            case "declared" -> "déclarée, non vérifiée";
            case "checked" -> "vérifiée au guichet sur pièce d'identité";
            default -> "non précisée";
        };
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
