package fr.relais.gateway.web;

import fr.relais.events.journey.CallbackWindows;
import fr.relais.events.journey.HandoffReasons;

import java.time.LocalTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The French words for the codes the services answer with, so that no page shows a code a person has to decode
 * ("claimed", "friction-threshold", "HELD"). An unknown code falls back to a neutral phrase, never to the code. The
 * closed lists a form offers (languages, needs, consents, call back windows and reasons) keep their order.
 */
final class Vocabulary {

    private static final Map<String, String> ACCESS_REASONS = Map.of(
            "claimed", "démarche prise en charge par l'agent",
            "present-at-site", "usager présent au guichet",
            "handoff-to-site", "usager orienté vers ce guichet",
            "verified-call", "appel de l'usager vérifié",
            "mandate", "mandat donné par l'usager",
            "mediation", "dossier de médiation");

    /** The handoff reasons (HandoffReasons), in the order a call back form offers them. */
    private static final Map<String, String> HANDOFF_REASONS = ordered(
            HandoffReasons.NEEDS_HELP, "besoin d'aide pour la démarche",
            HandoffReasons.DOCUMENTS_HELP, "aide pour les pièces justificatives",
            HandoffReasons.IDENTITY_CHECK, "vérification d'identité",
            HandoffReasons.CITIZEN_CHOICE, "choix de l'usager");

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
            Map.entry("step-completed", "étape complétée"),
            Map.entry("callback-failed", "rappel téléphonique manqué deux fois"));

    private static final Map<String, String> CASE_ACTIONS = Map.of(
            "opened", "Dossier ouvert", "claimed", "Pris en charge", "contact", "Tentative de contact",
            "note", "Note", "resolved", "Dossier clos", "sla-at-risk", "Échéance proche", "sla-breached", "Échéance dépassée");

    private static final Map<String, String> BOOKING_STATUSES = Map.of(
            "HELD", "Réservé, à confirmer", "CONFIRMED", "Confirmé", "CHECKED_IN", "Accueilli au guichet",
            "NO_SHOW", "Absent", "CANCELLED", "Annulé", "EXPIRED", "Réservation expirée");

    private static final Map<String, String> CALLBACK_OUTCOMES = Map.of(
            "reached", "Joint", "no-answer", "Pas de réponse", "wrong-number", "Mauvais numéro", "call-dropped", "Appel coupé");

    /** What made Relais write to a citizen (notification-service's trigger codes), as a message's title. */
    private static final Map<String, String> MESSAGE_TRIGGERS = Map.of(
            "appointment-booked", "Rendez-vous confirmé",
            "appointment-moved", "Rendez-vous déplacé",
            "appointment-cancelled", "Rendez-vous annulé",
            "reminder-48h", "Rappel 48 h avant le rendez-vous",
            "reminder-2h", "Rappel 2 h avant le rendez-vous",
            "handoff-accepted", "Démarche prise en charge par un agent",
            "callback-scheduled", "Rappel téléphonique prévu",
            "mediator-trying", "Un médiateur cherche à joindre la personne",
            "journey-waiting", "Démarche en attente d'une suite",
            "journey-completed", "Démarche terminée");

    private static final Map<String, String> MESSAGE_CHANNELS = Map.of(
            "email", "par e-mail", "sms", "par SMS", "letter", "par courrier", "none", "aucun moyen de contact accepté");

    /** Whether a message reached the citizen, in her words. */
    private static final Map<String, String> MESSAGE_STATUSES = Map.of(
            "delivered", "reçu", "sent", "envoyé", "pending", "en attente d'envoi", "failed", "pas envoyé", "dropped", "pas envoyé");

    /** The same for staff, who need to know why one did not go: failed on the way, or dropped as no longer useful. */
    private static final Map<String, String> MESSAGE_STATUSES_FOR_STAFF = Map.of(
            "delivered", "reçu", "sent", "envoyé", "pending", "en attente d'envoi", "failed", "échec de l'envoi",
            "dropped", "pas envoyé (plus d'actualité)");

    /** journey-service's closed list (PersonCodes.LANGUAGES), French first. */
    static final Map<String, String> LANGUAGES = ordered(
            "fr", "français", "en", "anglais", "ar", "arabe", "es", "espagnol", "pt", "portugais", "tr", "turc",
            "ro", "roumain", "ru", "russe", "uk", "ukrainien", "zh", "chinois");

    /** journey-service's closed list (PersonCodes.NEEDS), the same codes as the mediators' skills. */
    static final Map<String, String> NEEDS = ordered(
            "handicap-visuel", "handicap visuel", "handicap-auditif", "handicap auditif",
            "lecture-difficile", "difficultés de lecture", "mobilite-reduite", "mobilité réduite");

    /** The channels a person may agree to be contacted on (the record's consents). */
    static final Map<String, String> CONSENTS = ordered(
            "phone", "appel téléphonique", "sms", "SMS", "email", "e-mail", "letter", "courrier postal",
            "surveys", "questionnaire en fin de démarche");

    /** mediation-service's closed list of what an agent found hard on a journey (issue 21), in the order the form offers it. */
    static final Map<String, String> AGENT_FLAGS = ordered(
            "procedure-unclear", "Démarche peu claire",
            "tool-problem", "Problème d'outil",
            "needs-more-time", "L'usager a besoin de plus de temps",
            "language", "Langue",
            "missing-document", "Pièce manquante",
            "accessibility", "Accessibilité",
            "other", "Autre");

    /**
     * The same codes read as training needs for a site's agents (issue 21): what to train on when agents keep flagging
     * a difficulty, in the order of {@link #AGENT_FLAGS}.
     */
    static final Map<String, String> TRAINING_NEEDS = ordered(
            "procedure-unclear", "Connaissance de la démarche",
            "tool-problem", "Prise en main des outils",
            "needs-more-time", "Accompagnement des usagers qui ont besoin de temps",
            "language", "Accueil en langue étrangère ou interprétariat",
            "missing-document", "Liste des pièces justificatives",
            "accessibility", "Accueil des personnes en situation de handicap",
            "other", "Autre");

    /** The paths a journey took (the channels it used, or a mediator), as the experience aggregates compare them. */
    static final Map<String, String> JOURNEY_PATHS = ordered(
            "portal", "En ligne",
            "desk", "Au guichet",
            "phone", "Par téléphone",
            "portal+desk", "En ligne et au guichet",
            "portal+phone", "En ligne et par téléphone",
            "desk+phone", "Guichet et téléphone",
            "portal+desk+phone", "Les trois canaux",
            "mediator", "Avec un médiateur");

    private Vocabulary() {
    }

    /** A call-back window (CallbackWindows): "mardi-matin" reads "mardi matin", "jeudi-apres-midi" "jeudi après-midi". */
    static String callbackWindow(String code) {
        if (code == null) {
            return "";
        }
        return CallbackWindows.find(code).map(w -> w.code().replace("-apres-midi", " après-midi").replace("-matin", " matin"))
                .orElse("créneau inconnu");
    }

    /** The window with its hours, for a citizen choosing it: "mardi matin (9 h – 12 h 30)". */
    static String callbackWindowWithHours(String code) {
        return CallbackWindows.find(code).map(w -> callbackWindow(code) + " (" + hours(w.start()) + " – " + hours(w.end()) + ")")
                .orElse(callbackWindow(code));
    }

    /** The windows of one call back, in the order given: "mardi matin, jeudi après-midi". */
    static String callbackWindows(List<String> codes) {
        return codes == null || codes.isEmpty() ? "aucun créneau précisé"
                : String.join(", ", codes.stream().map(Vocabulary::callbackWindow).toList());
    }

    /** Every window code, Monday morning first. */
    static List<String> windowCodes() {
        return CallbackWindows.all().stream().map(CallbackWindows.Window::code).toList();
    }

    /**
     * Why the citizen wants a call back, as the call back form offers it: the handoff reasons, "citizen-choice"
     * worded for a call ("préfère continuer par téléphone" rather than the general "choix de l'usager").
     */
    static Map<String, String> callbackReasons() {
        Map<String, String> reasons = new LinkedHashMap<>(HANDOFF_REASONS);
        reasons.put(HandoffReasons.CITIZEN_CHOICE, "préfère continuer par téléphone");
        return Collections.unmodifiableMap(reasons);
    }

    static String callbackOutcome(String code) {
        return code == null ? "" : CALLBACK_OUTCOMES.getOrDefault(code, "Autre issue");
    }

    /** A preferred language; none given means French (journey-service's default). */
    static String language(String code) {
        return code == null ? "français" : LANGUAGES.getOrDefault(code, "autre langue");
    }

    /**
     * A mediator skill a case needs (mediation-service's routing): a need code reads as the need, a language skill
     * ("langue-arabe") as "langue arabe".
     */
    static String skill(String code) {
        if (code == null) {
            return "";
        }
        return NEEDS.containsKey(code) ? NEEDS.get(code) : code.startsWith("langue-") ? code.replace('-', ' ') : "autre compétence";
    }

    static String need(String code) {
        return code == null ? "" : NEEDS.getOrDefault(code, "autre besoin");
    }

    /** How a person record's identity was established: a document seen at a desk, or said on a call. */
    static String identity(String code) {
        return switch (code == null ? "" : code) {
            case "checked" -> "identité vérifiée";
            case "declared" -> "déclarée, non vérifiée";
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

    /** What made Relais write (a trigger code) as a message's title: "Rappel 48 h avant le rendez-vous". */
    static String messageTrigger(String code) {
        return code == null ? "Message" : MESSAGE_TRIGGERS.getOrDefault(code, "Message de Relais");
    }

    /** How it went: "par e-mail", "par SMS", "par courrier". */
    static String messageChannel(String code) {
        return code == null ? "" : MESSAGE_CHANNELS.getOrDefault(code, "autre moyen");
    }

    /** Whether it reached her; an SMS held back by the night's quiet hours waits "jusqu'à 8 h". */
    static String messageStatus(String code, boolean deferred) {
        if ("pending".equals(code) && deferred) {
            return "en attente jusqu'à 8 h";
        }
        return code == null ? "" : MESSAGE_STATUSES.getOrDefault(code, "état inconnu");
    }

    /** Whether it reached the citizen, as staff read it. */
    static String messageStatusForStaff(String code) {
        return code == null ? "" : MESSAGE_STATUSES_FOR_STAFF.getOrDefault(code, "état inconnu");
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

    /** An agent's difficulty (AGENT_FLAGS) in words. */
    static String agentFlag(String code) {
        return code == null ? "" : AGENT_FLAGS.getOrDefault(code, "Autre difficulté");
    }

    /** A difficulty code as the training need it points to; a code not of the list reads "Autre besoin". */
    static String trainingNeed(String code) {
        return code == null ? "" : TRAINING_NEEDS.getOrDefault(code, "Autre besoin");
    }

    /** A journey's path ("portal+desk") in words ("En ligne et au guichet"). */
    static String journeyPath(String code) {
        return code == null ? "" : JOURNEY_PATHS.getOrDefault(code, "Autre parcours");
    }

    /** One decimal, French style: 11.999452438714158 reads "12,0". */
    static String figure(double value) {
        return String.format(Locale.FRANCE, "%.1f", value);
    }

    /** 9 h, 12 h 30. */
    private static String hours(LocalTime time) {
        return time.getHour() + " h" + (time.getMinute() == 0 ? "" : " " + time.getMinute());
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(map);
    }
}
