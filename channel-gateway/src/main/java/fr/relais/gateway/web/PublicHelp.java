package fr.relais.gateway.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The help anyone can get without an account, as the public home page shows it. The phone line is configuration
 * (relais.help.phone-line), the same number as the Keycloak login theme's (deploy/keycloak/themes/relais).
 */
@ApplicationScoped
public class PublicHelp {

    private final String phoneLine;

    PublicHelp(@ConfigProperty(name = "relais.help.phone-line") String phoneLine) {
        this.phoneLine = phoneLine.strip();
    }

    /** The number as people read it, e.g. "09 70 00 00 00". */
    public String phoneLine() {
        return phoneLine;
    }

    /** The same number for a tel: link (digits and a leading +, no spaces), so a phone can dial it. */
    public String phoneLink() {
        return "tel:" + phoneLine.replaceAll("[^0-9+]", "");
    }
}
