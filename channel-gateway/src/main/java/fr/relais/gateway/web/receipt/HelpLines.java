package fr.relais.gateway.web.receipt;

import java.util.Objects;

/**
 * Where the citizen asks for help: the place, when it is open, the phone line.
 *
 * @param siteName     "France Services Guéret" or the phone platform
 * @param openingHours in French, e.g. "du lundi au vendredi, 9 h – 12 h 30 et 13 h 30 – 17 h"
 * @param phoneLine    the number to call, as it is printed
 */
public record HelpLines(String siteName, String openingHours, String phoneLine) {

    public HelpLines {
        Objects.requireNonNull(siteName, "siteName");
        Objects.requireNonNull(openingHours, "openingHours");
        Objects.requireNonNull(phoneLine, "phoneLine");
    }
}
