package fr.relais.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A citizen's real sign-in through the relais realm's FranceConnect broker, as a browser does it: the portal's
 * authorization request with {@code kc_idp_hint=franceconnect} and {@code acr_values=eidas1} (as the gateway asks), the franceconnect-sim login form, the broker's
 * endpoint and first-login flow, then the code exchanged (PKCE) for the relais access token. Keycloak marks its
 * cookies Secure, which Java's cookie store keeps off plain http (a browser treats 127.0.0.1 as secure): the cookies
 * are carried here by hand.
 */
public final class FranceConnectLogin {

    public static final String PASSWORD = "relais-demo";
    private static final String CLIENT_ID = "relais-portal";
    private static final String REDIRECT_URI = "http://127.0.0.1:8080/portail";
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private record Cookie(String name, String value, String path) {
    }

    /** By path and name: both realms set cookies of the same names, each under its own path. */
    private final Map<String, Cookie> cookies = new LinkedHashMap<>();

    private FranceConnectLogin() {
    }

    /** A relais access token for a franceconnect-sim user (lucie, mohamed-fc), signed in at level eidas1. */
    public static String accessToken(String simUser) {
        return accessToken(simUser, "eidas1");
    }

    /** The same with {@code acrValues} asked of the provider (none when null). */
    public static String accessToken(String simUser, String acrValues) {
        try {
            return new FranceConnectLogin().signIn(simUser, acrValues);
        } catch (IOException e) {
            throw new IllegalStateException("FranceConnect sign-in of " + simUser + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String signIn(String simUser, String acrValues) throws IOException, InterruptedException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String authorize = Stack.realmUrl() + "/protocol/openid-connect/auth?client_id=" + CLIENT_ID + "&response_type=code"
                + "&scope=openid&redirect_uri=" + encode(REDIRECT_URI) + "&code_challenge=" + challenge(verifier)
                + "&code_challenge_method=S256&kc_idp_hint=franceconnect&state=fc-test&nonce=fc-test"
                + (acrValues == null ? "" : "&acr_values=" + encode(acrValues));
        HttpResponse<String> loginPage = follow(get(authorize));
        Matcher action = FORM_ACTION.matcher(loginPage.body());
        if (loginPage.statusCode() != 200 || !action.find() || !action.group(1).contains("/realms/franceconnect-sim/")) {
            throw new IOException("expected franceconnect-sim's login form, got HTTP " + loginPage.statusCode());
        }
        String form = "username=" + encode(simUser) + "&password=" + encode(PASSWORD);
        HttpResponse<String> landed = follow(send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))));
        String location = landed.headers().firstValue("Location").orElse("");
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        if (!location.startsWith(REDIRECT_URI) || !code.find()) {
            throw new IOException("the broker did not come back to the portal with a code (HTTP " + landed.statusCode() + ")");
        }
        String exchange = "grant_type=authorization_code&client_id=" + CLIENT_ID + "&code=" + code.group(1)
                + "&redirect_uri=" + encode(REDIRECT_URI) + "&code_verifier=" + verifier;
        HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(URI.create(Stack.realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(exchange)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            throw new IOException("code exchange refused: HTTP " + token.statusCode() + " " + token.body());
        }
        return new ObjectMapper().readTree(token.body()).get("access_token").asText();
    }

    /** Follows Keycloak's redirects until a page or the way back to the portal. */
    private HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
        for (int hops = 0; hops < 10; hops++) {
            String location = response.headers().firstValue("Location").orElse(null);
            if (response.statusCode() / 100 != 3 || location == null || location.startsWith(REDIRECT_URI)) {
                return response;
            }
            response = get(location);
        }
        throw new IOException("too many redirects");
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpRequest built = request.timeout(Duration.ofSeconds(10)).build();
        String path = built.uri().getPath();
        java.util.List<String> sent = cookies.values().stream().filter(c -> path.startsWith(c.path()))
                .map(c -> c.name() + "=" + c.value()).toList();
        if (!sent.isEmpty()) {
            built = HttpRequest.newBuilder(built, (name, value) -> true).header("Cookie", String.join("; ", sent)).build();
        }
        HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
        keepCookies(response.headers());
        return response;
    }

    /** Each Set-Cookie by path and name; an expired one (Max-Age=0) is dropped. */
    private void keepCookies(HttpHeaders headers) {
        for (String header : headers.allValues("Set-Cookie")) {
            String[] parts = header.split(";");
            int eq = parts[0].indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = parts[0].substring(0, eq).trim();
            String path = "/";
            boolean expired = false;
            for (String attribute : parts) {
                String a = attribute.trim().toLowerCase(java.util.Locale.ROOT);
                if (a.startsWith("path=")) {
                    path = attribute.trim().substring(5);
                } else if (a.equals("max-age=0")) {
                    expired = true;
                }
            }
            if (expired) {
                cookies.remove(path + " " + name);
            } else {
                cookies.put(path + " " + name, new Cookie(name, parts[0].substring(eq + 1).trim(), path));
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
