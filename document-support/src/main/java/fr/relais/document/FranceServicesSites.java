package fr.relais.document;

import java.util.Map;

/**
 * The sites as a citizen reads them, by site id (DEMO-DATA.md; appointment-service owns the sites, and its list carries
 * neither opening hours in words nor the town as a letter writes it). An unknown site reads as a neutral
 * "France Services", never as its id.
 */
public final class FranceServicesSites {

    /** A place as a receipt, a message or a letter names it. */
    public record Site(String name, String town, String hours) {
    }

    public static final String WEEKDAYS = "du lundi au vendredi, 9 h – 12 h 30 et 13 h 30 – 17 h";

    private static final String WEEKDAYS_BUT_WEDNESDAY_AFTERNOON = WEEKDAYS + ", fermé le mercredi après-midi";

    public static final Site PHONE_PLATFORM = new Site("Plateforme téléphonique Relais", null, WEEKDAYS);

    private static final Site UNKNOWN_DESK = new Site("France Services", null, WEEKDAYS);

    private static final Map<String, Site> DESKS = Map.of(
            "fs-aubervilliers", new Site("France Services Aubervilliers", "93300 Aubervilliers", WEEKDAYS),
            "fs-saint-denis", new Site("France Services Saint-Denis", "93200 Saint-Denis", WEEKDAYS),
            "fs-gueret", new Site("France Services Guéret", "23000 Guéret", WEEKDAYS_BUT_WEDNESDAY_AFTERNOON),
            "fs-aubusson", new Site("France Services Aubusson", "23200 Aubusson", WEEKDAYS_BUT_WEDNESDAY_AFTERNOON));

    private FranceServicesSites() {
    }

    public static Site desk(String siteId) {
        return siteId == null ? UNKNOWN_DESK : DESKS.getOrDefault(siteId, UNKNOWN_DESK);
    }

    /** Whether the id names a known desk (letters are batched per known site only). */
    public static boolean isDesk(String siteId) {
        return siteId != null && DESKS.containsKey(siteId);
    }
}
