package fr.relais.journey.domain;

import java.util.List;

/**
 * Closed lists on a person record: the languages a mediator may speak with her and the accessibility needs a
 * mediator's skills answer (realm attribute {@code skills}, same codes). Codes, so that routing never needs free text.
 */
public final class PersonCodes {

    /** ISO 639-1 codes Relais offers help in. */
    public static final List<String> LANGUAGES = List.of("fr", "en", "ar", "es", "pt", "tr", "ro", "ru", "uk", "zh");

    public static final List<String> NEEDS = List.of("handicap-visuel", "handicap-auditif", "lecture-difficile",
            "mobilite-reduite");

    /**
     * The identity was checked on a document at a desk, only declared on a call, or certified by an identity provider
     * (FranceConnect's pivot identity, brokered by Keycloak).
     */
    public static final String CHECKED = "checked";
    public static final String DECLARED = "declared";
    public static final String CERTIFIED = "certified";

    private PersonCodes() {
    }

    /** The mediator skill a language other than French calls for, e.g. {@code langue-arabe}; null for French. */
    public static String languageSkill(String language) {
        return switch (language == null ? "fr" : language) {
            case "fr" -> null;
            case "en" -> "langue-anglaise";
            case "ar" -> "langue-arabe";
            case "es" -> "langue-espagnole";
            case "pt" -> "langue-portugaise";
            case "tr" -> "langue-turque";
            case "ro" -> "langue-roumaine";
            case "ru" -> "langue-russe";
            case "uk" -> "langue-ukrainienne";
            case "zh" -> "langue-chinoise";
            default -> null;
        };
    }
}
