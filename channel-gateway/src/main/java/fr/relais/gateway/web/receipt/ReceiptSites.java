package fr.relais.gateway.web.receipt;

import java.util.Map;

/**
 * The names and opening hours printed on a receipt, by site id (DEMO-DATA.md; appointment-service owns the sites,
 * and its site list carries no opening hours in words, so the receipt keeps its own). An unknown site reads as a
 * neutral "France Services", never as its id.
 */
final class ReceiptSites {

    /** A place as the receipt names it. */
    record Site(String name, String hours) {
    }

    static final String WEEKDAYS = "du lundi au vendredi, 9 h – 12 h 30 et 13 h 30 – 17 h";

    private static final String WEEKDAYS_BUT_WEDNESDAY_AFTERNOON = WEEKDAYS + ", fermé le mercredi après-midi";

    static final Site PHONE_PLATFORM = new Site("Plateforme téléphonique Relais", WEEKDAYS);

    private static final Site UNKNOWN_DESK = new Site("France Services", WEEKDAYS);

    private static final Map<String, Site> DESKS = Map.of(
            "fs-aubervilliers", new Site("France Services Aubervilliers", WEEKDAYS),
            "fs-saint-denis", new Site("France Services Saint-Denis", WEEKDAYS),
            "fs-gueret", new Site("France Services Guéret", WEEKDAYS_BUT_WEDNESDAY_AFTERNOON),
            "fs-aubusson", new Site("France Services Aubusson", WEEKDAYS_BUT_WEDNESDAY_AFTERNOON));

    private ReceiptSites() {
    }

    static Site desk(String siteId) {
        return siteId == null ? UNKNOWN_DESK : DESKS.getOrDefault(siteId, UNKNOWN_DESK);
    }
}
