package fr.relais.gateway.stub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.Base64;

/** The claims of the bearer token a stub received (unverified: the gateway checked it), to answer as the real service would. */
final class BearerClaims {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BearerClaims() {
    }

    /** The token's claims, or a missing node when there is no bearer token (the stub then answers 401). */
    static JsonNode of(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return MissingNode.getInstance();
        }
        try {
            String payload = authorization.substring("Bearer ".length()).split("\\.")[1];
            return JSON.readTree(Base64.getUrlDecoder().decode(payload));
        } catch (Exception e) {
            return MissingNode.getInstance();
        }
    }

    static boolean hasRole(JsonNode claims, String role) {
        for (JsonNode r : claims.path("realm_access").path("roles")) {
            if (role.equals(r.asText())) {
                return true;
            }
        }
        return false;
    }
}
