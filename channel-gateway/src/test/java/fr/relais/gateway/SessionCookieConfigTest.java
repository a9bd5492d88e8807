package fr.relais.gateway;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Session cookies are Secure unless a plain-http deployment (the local devstack) says otherwise. */
class SessionCookieConfigTest {

    @Test
    void sessionCookiesAreSecureUnlessExplicitlyTurnedOff() throws Exception {
        Properties config = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            config.load(in);
        }
        // the profile a built gateway runs with (prod) reads the unprofiled value
        assertThat(config.getProperty("quarkus.oidc.web.authentication.cookie-force-secure"))
                .isEqualTo("${RELAIS_WEB_SECURE_COOKIES:true}");
        assertThat(config.getProperty("%prod.quarkus.oidc.web.authentication.cookie-force-secure")).isNull();
    }
}
