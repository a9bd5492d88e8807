package fr.relais.journey.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.relais.testsupport.Stack;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's own token: client credentials on its confidential client of deploy/keycloak/relais-realm.json, with the
 * devstack's secret ({@code relais-dev-<client>}).
 */
final class ServiceTokens {

    static final String MEDIATION = "mediation-service";
    static final String NOTIFICATION = "notification-service";

    private ServiceTokens() {
    }

    static String of(String clientId) throws Exception {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode("relais-dev-" + clientId, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(Stack.realmUrl() + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("a service token for " + clientId
                + " (has Keycloak imported deploy/keycloak/relais-realm.json of this change?): " + response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body()).path("access_token").asText();
    }
}
