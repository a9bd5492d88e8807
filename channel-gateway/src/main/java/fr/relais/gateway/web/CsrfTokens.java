package fr.relais.gateway.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Per-session CSRF tokens: an HMAC of the login session id, put in every form and checked on every POST.
 * A forged cross-site form cannot know it; nothing is stored server-side (the gateway stays stateless).
 */
@ApplicationScoped
public class CsrfTokens {

    private static final Logger LOG = Logger.getLogger(CsrfTokens.class);

    private final byte[] key;

    CsrfTokens(@ConfigProperty(name = "relais.web.csrf-secret") Optional<String> secret) {
        if (secret.isPresent() && secret.get().length() >= 32) {
            key = secret.get().getBytes(StandardCharsets.UTF_8);
        } else {
            // one instance works with a random key; several instances behind a balancer need the shared secret
            LOG.warn("relais.web.csrf-secret (RELAIS_WEB_SECRET) unset or shorter than 32 characters: using a random key");
            key = new byte[32];
            new SecureRandom().nextBytes(key);
        }
    }

    public String tokenFor(String session) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(session.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    public boolean matches(String session, String token) {
        return token != null && MessageDigest.isEqual(tokenFor(session).getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8));
    }
}
