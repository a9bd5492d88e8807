package fr.relais.system.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.system.harness.Api;
import fr.relais.system.harness.FaultsReport;
import fr.relais.system.harness.RelaisSystem;
import fr.relais.system.harness.ServiceProcess;
import fr.relais.system.security.MatrixRow;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static fr.relais.testsupport.DemoUser.CAMILLE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTP fuzzing of every operation the authorization matrix lets a demo user call, on the gateway and on each internal
 * service: spoiled variants of the valid request (wrong types, huge and strange strings, nulls, deep nesting, missing
 * and unknown fields, bodies that are not JSON, too deep or too large, duplicate keys, bytes that are not UTF-8, wrong
 * content types, path ids that are not ids, garbage query parameters), sent with that user's real token. Whatever the
 * request: never a 5xx, every refusal a problem document (RFC 9457), never a stack trace in a body.
 */
@ExtendWith(RelaisSystem.class)
@Order(89)
class HttpFuzzTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);
    /** quarkus.http.limits.max-body-size of every service. */
    private static final int LARGEST_BODY = 64 * 1024;

    @Test
    void gateway() {
        fuzz(RelaisSystem.services().gateway());
    }

    @Test
    void journeyService() {
        fuzz(RelaisSystem.services().journey());
    }

    @Test
    void appointmentService() {
        fuzz(RelaisSystem.services().appointment());
    }

    @Test
    void mediationService() {
        fuzz(RelaisSystem.services().mediation());
    }

    @Test
    void notificationService() {
        fuzz(RelaisSystem.services().notification());
    }

    record Answer(int status, String contentType, String body) {
    }

    private static void fuzz(ServiceProcess service) {
        RequestBodies bodies = RequestBodies.of(service.managementUrl());
        Map<String, String> fixtures = fixtures();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (MatrixRow row : MatrixRow.read("/authorization-matrix/" + service.name() + ".tsv")) {
            if (row.webPage() || row.publicPage() || row.allowed().isEmpty()) {
                continue; // pages take a browser session, not a bearer token; a row nobody may call is all refusals
            }
            DemoUser caller = DemoUser.valueOf(row.allowed().stream().sorted().findFirst().orElseThrow().toUpperCase());
            String path = substitute(row.path(), fixtures);
            String body = row.body() == null ? null : substitute(row.body(), fixtures);
            for (FuzzRequest request : FuzzRequests.of(row.method(), path, body, bodies.properties(row.operation()))) {
                Answer answer = send(service, row, request, KeycloakTokens.accessToken(caller));
                sent++;
                statuses.merge(answer.status(), 1, Integer::sum);
                String verdict = verdict(answer);
                if (verdict != null) {
                    wrong.add(String.format("%s %s as %s, %s -> %d %s: %s", request.method(), FuzzRequests.abbreviate(request.path()),
                            caller.username(), request.what(), answer.status(), verdict, FuzzRequests.abbreviate(answer.body())));
                }
            }
        }
        System.err.printf("[fuzz] %s: %d requests, statuses %s, %d wrong%n", service.name(), sent, statuses, wrong.size());
        int refused = statuses.entrySet().stream().filter(e -> e.getKey() >= 400 && e.getKey() < 500).mapToInt(Map.Entry::getValue).sum();
        int failed = statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum();
        FaultsReport.row("fuzzed HTTP requests to " + service.name(), sent + " requests, one at a time",
                (sent - refused - failed) + " / " + refused + " / " + failed + " (statuses " + statuses + ")",
                "-", "-", "-");
        assertThat(wrong).as(service.name() + ": fuzzed requests answered badly" + RelaisSystem.logHint()).isEmpty();
    }

    /** Null when the answer is one a client can live with. */
    private static String verdict(Answer answer) {
        if (answer.status() >= 500) {
            return "a 5xx";
        }
        if (answer.body().contains("Exception") || answer.body().contains("\tat ")) {
            return "a stack trace or an exception name in the body";
        }
        if (answer.status() >= 400 && !answer.contentType().startsWith("application/problem+json")) {
            return "a refusal that is not a problem document (" + answer.contentType() + ")";
        }
        return null;
    }

    /** A fresh journey of Camille's for the rows on her resources; ids of nothing for the others. */
    private static Map<String, String> fixtures() {
        JsonNode started = Api.as(CAMILLE).post("/api/portal/journeys", Map.of("procedureId", "procuration-vote"),
                "start-" + UUID.randomUUID()).expect(200);
        LocalDate today = LocalDate.now();
        return Map.of("{journey}", started.get("journeyId").asText(), "{booking}", UUID.randomUUID().toString(),
                "{slot}", "2031-01-06T08:00:00Z", "{random}", UUID.randomUUID().toString(), "{today}", today.toString(),
                "{in-a-week}", today.plusDays(7).toString(), "{command}", started.get("commandId").asText());
    }

    private static String substitute(String text, Map<String, String> fixtures) {
        String result = text;
        for (Map.Entry<String, String> fixture : fixtures.entrySet()) {
            result = result.replace(fixture.getKey(), fixture.getValue());
        }
        return result;
    }

    private static Answer send(ServiceProcess service, MatrixRow row, FuzzRequest request, String token) {
        if (request.body() != null && request.body().length > LARGEST_BODY) {
            return OversizedBody.announce(service.port(), request, token);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(service.baseUrl() + request.path()))
                .timeout(Duration.ofSeconds(30)).header("Accept", accepted(row)).header("Authorization", "Bearer " + token)
                .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        try {
            // the answer's head within the bound; then its body, but not an event stream's: one that opens stays open
            HttpResponse<InputStream> response = HTTP.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofInputStream())
                    .get(ANSWER_WITHIN.toSeconds(), TimeUnit.SECONDS);
            String contentType = response.headers().firstValue("Content-Type").orElse("none");
            String body;
            try (InputStream in = response.body()) {
                body = contentType.startsWith("text/event-stream") ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return new Answer(response.statusCode(), contentType, body);
        } catch (IOException e) {
            return new Answer(599, "none", "no answer: " + e.getClass().getSimpleName());
        } catch (TimeoutException e) {
            return new Answer(598, "none", "no complete answer within " + ANSWER_WITHIN.toSeconds() + " s");
        } catch (ExecutionException e) {
            return new Answer(599, "none", "no answer: " + e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a real client of the operation accepts, as the authorization matrix sends it. */
    private static String accepted(MatrixRow row) {
        if (row.operation().endsWith("/live") || row.operation().endsWith("/direct")) {
            return "text/event-stream";
        }
        return row.operation().endsWith(".pdf") ? "application/pdf" : "application/json";
    }
}
