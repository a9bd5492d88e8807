package fr.relais.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens from the devstack's Keycloak for the demo users, through the password grant of
 * the public {@code relais-test} client. Tokens are cached until shortly before they expire, because
 * a test suite asks for the same user many times.
 */
public final class KeycloakTokens {

    private static final String CLIENT_ID = "relais-test";
    /** Same as relais-test, but its access tokens live 5 seconds (realm file): a real token that really expires. */
    private static final String EXPIRING_CLIENT_ID = "relais-test-expiring";
    /** Test overlay client without the {@code basic} scope: its tokens carry no {@code sub}, every audience otherwise. */
    private static final String NO_SUBJECT_CLIENT_ID = "relais-test-no-subject";
    /** Keycloak's own command-line client, present in every realm: its tokens are real but not meant for Relais. */
    private static final String FOREIGN_CLIENT_ID = "admin-cli";
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<DemoUser, CachedToken> CACHE = new ConcurrentHashMap<>();

    private KeycloakTokens() {
    }

    /** A valid access token (the raw JWT) for the user. */
    public static String accessToken(DemoUser user) {
        // one grant at a time per user: with brute-force detection on, Keycloak refuses concurrent logins of one user
        // (user_temporarily_disabled), which eight threads of a test whose cached token just expired would make
        return CACHE.compute(user, (u, cached) -> cached != null && Instant.now().plus(EXPIRY_MARGIN).isBefore(cached.expiresAt())
                ? cached : passwordGrant(u, CLIENT_ID)).token();
    }

    /** A fresh token of the user that Keycloak signs with a 5-second life; never cached. */
    public static String shortLivedAccessToken(DemoUser user) {
        return passwordGrant(user, EXPIRING_CLIENT_ID).token();
    }

    /** A real, valid token of the user without a {@code sub} claim: every service must refuse it. */
    public static String accessTokenWithoutSubject(DemoUser user) {
        return passwordGrant(user, NO_SUBJECT_CLIENT_ID).token();
    }

    /** A real, valid token of the user issued to another client (no Relais audience): every service must refuse it. */
    public static String accessTokenOfAnotherClient(DemoUser user) {
        return passwordGrant(user, FOREIGN_CLIENT_ID).token();
    }

    /** The decoded claims of the user's access token, for asserting what Keycloak puts in it. */
    public static JsonNode claims(DemoUser user) {
        return claims(accessToken(user));
    }

    /** When the token stops being valid: its {@code exp} claim. */
    public static Instant expiresAt(String token) {
        return Instant.ofEpochSecond(claims(token).path("exp").asLong());
    }

    private static JsonNode claims(String token) {
        String[] parts = token.split("\\.");
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak returned an access token that is not a JWT", e);
        }
    }

    private static CachedToken passwordGrant(DemoUser user, String clientId) {
        String form = "grant_type=password"
                + "&client_id=" + clientId
                + "&username=" + URLEncoder.encode(user.username(), StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(DemoUser.PASSWORD, StandardCharsets.UTF_8)
                + "&scope=openid";
        HttpRequest request = HttpRequest.newBuilder(URI.create(Stack.realmUrl() + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + user.username() + " at "
                        + Stack.realmUrl() + ": HTTP " + response.statusCode() + " " + response.body()
                        + " (is the stack up? ./relais up)");
            }
            JsonNode body = JSON.readTree(response.body());
            Instant expiresAt = Instant.now().plusSeconds(body.path("expires_in").asLong(60));
            return new CachedToken(body.path("access_token").asText(), expiresAt);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is unreachable at " + Stack.realmUrl() + " (is the stack up? ./relais up)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Keycloak for a token", e);
        }
    }

    private record CachedToken(String token, Instant expiresAt) {
    }
}
