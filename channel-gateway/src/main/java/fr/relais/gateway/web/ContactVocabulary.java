package fr.relais.gateway.web;

import fr.relais.events.journey.CallbackWindows;
import fr.relais.events.journey.HandoffReasons;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The French words for the codes of a person record and of a call back (languages, accessibility needs, identity,
 * contact channels, call back windows and reasons), in the order a form offers them. Like {@link Vocabulary}, an
 * unknown code reads as a neutral phrase, never as the code.
 */
final class ContactVocabulary {

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
            "phone", "appel téléphonique", "sms", "SMS", "email", "e-mail", "letter", "courrier postal");

    /** Why the citizen wants a call back (HandoffReasons), what the form offers first first. */
    static final Map<String, String> CALLBACK_REASONS = ordered(
            HandoffReasons.NEEDS_HELP, "besoin d'aide pour la démarche",
            HandoffReasons.DOCUMENTS_HELP, "aide pour les pièces justificatives",
            HandoffReasons.IDENTITY_CHECK, "vérification d'identité",
            HandoffReasons.CITIZEN_CHOICE, "préfère continuer par téléphone");

    private ContactVocabulary() {
    }

    static String language(String code) {
        return code == null ? "français" : LANGUAGES.getOrDefault(code, "autre langue");
    }

    static String need(String code) {
        return NEEDS.getOrDefault(code, "autre besoin");
    }

    /** "identité vérifiée" (a document seen at a desk) or "identité déclarée" (said on a call). */
    static String identity(String code) {
        return "checked".equals(code) ? "identité vérifiée" : "declared".equals(code) ? "identité déclarée" : "identité non précisée";
    }

    /** "mardi matin", "jeudi après-midi", with the hours, e.g. "mardi matin (9 h – 12 h 30)". */
    static String window(String code) {
        return CallbackWindows.find(code).map(w -> {
            String[] parts = w.code().split("-", 2);
            boolean morning = parts[1].equals("matin");
            return parts[0] + (morning ? " matin (9 h – 12 h 30)" : " après-midi (13 h 30 – 17 h)");
        }).orElse("autre créneau");
    }

    /** Every window code, Monday morning first. */
    static List<String> windows() {
        return CallbackWindows.all().stream().map(CallbackWindows.Window::code).toList();
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
