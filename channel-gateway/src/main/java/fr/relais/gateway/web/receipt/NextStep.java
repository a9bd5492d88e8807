package fr.relais.gateway.web.receipt;

import java.util.Objects;

/**
 * A step still to do, in French.
 *
 * @param title the step's title, e.g. "Rendez-vous au guichet pour les empreintes"
 * @param now   an agent must act on it now (the citizen goes to the counter or waits for a call): marked "à faire maintenant"
 */
public record NextStep(String title, boolean now) {

    public static final String NOW_LABEL = "à faire maintenant";

    public NextStep {
        Objects.requireNonNull(title, "title");
    }
}
