package fr.relais.system.security;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.system.harness.Api;
import fr.relais.system.harness.Journeys;
import fr.relais.system.harness.RelaisSystem;
import fr.relais.system.harness.ServiceProcess;
import fr.relais.testsupport.KeycloakTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static fr.relais.testsupport.DemoUser.CAMILLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every operation of every service's OpenAPI document × every caller, on resources that belong to Camille, against
 * the real stack. The expected answer of each cell comes from a small table per service
 * ({@code src/test/resources/authorization-matrix/<service>.tsv}): an operation without a row fails the test, so a
 * new endpoint cannot ship without saying who may call it.
 *
 * <p>Verdicts: an unusable token (none, forged, expired, another client's, without a subject) is a 401 everywhere;
 * a caller the row allows is not refused (neither 401 nor 403); anyone else is refused with 403 or 404; nothing is
 * ever a 5xx; a web page answers a bearer token with a login redirect or 401, never with the page. Refusals are
 * exercised first, on untouched resources; then the allowed calls, reads before changes.
 */
@ExtendWith(RelaisSystem.class)
@Order(45)
class AuthorizationMatrixTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private static Map<String, MatrixCaller> callers;

    @BeforeAll
    static void callers() {
        String expiring = KeycloakTokens.shortLivedAccessToken(CAMILLE);
        // Keycloak signed it for 5 seconds: wait until that has surely passed
        await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(7)).until(() -> true);
        callers = MatrixCaller.all(expiring);
    }

    /** A journey of Camille's with a confirmed booking, new for each service: allowed calls change them. */
    private static Map<String, String> camillesResources() {
        cancelCamillesAppointmentsAhead();
        UUID journey = Journeys.start(CAMILLE, "procuration-vote");
        JsonNode slot = Journeys.firstSlot(CAMILLE, "accompagnement", "fs-aubervilliers");
        // appointment-service learns the journey's owner from journey.events: the hold may come a moment early
        JsonNode booking = await("Camille's booking").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> Journeys.book(CAMILLE, journey, "procuration-vote", "verification-identite", "accompagnement", slot),
                        b -> b != null);
        JsonNode anotherSlot = Journeys.firstSlot(CAMILLE, "accompagnement", "fs-aubervilliers");
        LocalDate today = LocalDate.now(Journeys.PARIS);
        return Map.of("{journey}", journey.toString(), "{booking}", booking.get("id").asText(),
                "{slot}", anotherSlot.get("startsAt").asText(), "{random}", UUID.randomUUID().toString(),
                "{today}", today.toString(), "{in-a-week}", today.plusDays(7).toString());
    }

    /** A citizen holds at most a few appointments ahead: earlier scenarios' and cells' bookings make room first. */
    private static void cancelCamillesAppointmentsAhead() {
        for (JsonNode booking : Api.as(CAMILLE).get("/api/appointments/bookings/mine").expect(200)) {
            String status = booking.path("status").asText();
            if (status.equals("HELD") || status.equals("CONFIRMED")) {
                Api.as(CAMILLE).post("/api/appointments/bookings/" + booking.get("id").asText() + "/cancel", Map.of()).expect(200);
            }
        }
    }

    @Test
    void gateway() {
        check(RelaisSystem.services().gateway());
    }

    @Test
    void journeyService() {
        check(RelaisSystem.services().journey());
    }

    @Test
    void appointmentService() {
        check(RelaisSystem.services().appointment());
    }

    @Test
    void mediationService() {
        check(RelaisSystem.services().mediation());
    }

    private record Cell(MatrixRow row, MatrixCaller caller, boolean allowed) {
    }

    private void check(ServiceProcess service) {
        List<MatrixRow> rows = MatrixRow.read("/authorization-matrix/" + service.name() + ".tsv");
        Set<String> published = OpenApiOperations.of(service.managementUrl());
        Set<String> covered = new TreeSet<>();
        rows.forEach(row -> covered.add(row.operation()));
        Set<String> withoutRow = new TreeSet<>(published);
        withoutRow.removeAll(covered);
        Set<String> stale = new TreeSet<>(covered);
        stale.removeAll(published);
        assertThat(withoutRow).as(service.name() + ": operations without a row in its authorization matrix").isEmpty();
        assertThat(stale).as(service.name() + ": rows for operations it no longer publishes").isEmpty();
        rows.forEach(row -> row.allowed().forEach(name -> assertThat(callers).as(service.name() + ".tsv:" + row.line()
                + " names an unknown caller").containsKey(name)));

        Map<String, String> fixtures = camillesResources();
        List<Cell> cells = new ArrayList<>();
        for (MatrixRow row : rows) {
            for (MatrixCaller caller : callers.values()) {
                cells.add(new Cell(row, caller, !caller.unusableToken() && row.allowed().contains(caller.name())));
            }
        }
        // refusals first, on untouched resources; then allowed reads; then allowed changes
        cells.sort(Comparator.comparingInt((Cell c) -> !c.allowed() ? 0 : c.row().safe() ? 1 : 2));
        List<String> wrong = new ArrayList<>();
        for (Cell cell : cells) {
            int status = call(service, cell.row(), cell.caller(), fixtures);
            String verdict = verdict(cell, status);
            if (verdict != null) {
                wrong.add(String.format("%-55s %-13s -> %d, expected %s", cell.row().operation(), cell.caller().name(), status, verdict));
            }
        }
        System.err.printf("[matrix] %s: %d operations x %d callers = %d cells checked, %d wrong%n", service.name(),
                rows.size(), callers.size(), cells.size(), wrong.size());
        assertThat(wrong).as(service.name() + ": cells whose answer is not what the matrix says" + RelaisSystem.logHint())
                .isEmpty();
    }

    /** Null when the status is right for the cell, else what was expected. */
    private static String verdict(Cell cell, int status) {
        if (status >= 500) {
            return "never a 5xx";
        }
        if (cell.caller().unusableToken()) {
            return status == 401 || cell.row().webPage() && status == 302 ? null : "401";
        }
        if (cell.row().webPage()) {
            return status == 302 || status == 401 ? null : "a login redirect (bearer tokens do not open pages)";
        }
        if (cell.allowed()) {
            return status != 401 && status != 403 ? null : "not refused (the row allows " + cell.caller().name() + ")";
        }
        return status == 403 || status == 404 ? null : "403 or 404";
    }

    private static int call(ServiceProcess service, MatrixRow row, MatrixCaller caller, Map<String, String> fixtures) {
        String path = row.path();
        for (Map.Entry<String, String> fixture : fixtures.entrySet()) {
            path = path.replace(fixture.getKey(), fixture.getValue());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .timeout(Duration.ofSeconds(20)).header("Accept", accepted(row));
        caller.token().ifPresent(token -> request.header("Authorization", "Bearer " + token));
        String body = row.body();
        if (body != null) {
            for (Map.Entry<String, String> fixture : fixtures.entrySet()) {
                body = body.replace(fixture.getKey(), fixture.getValue());
            }
        }
        request.header("Content-Type", row.webPage() ? "application/x-www-form-urlencoded" : "application/json")
                .method(row.method(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return status(request.build());
        } catch (IOException first) {
            // a kept-alive connection the service closed between two cells: once more, on a new connection
            try {
                return status(request.build());
            } catch (IOException e) {
                throw new IllegalStateException(service.name() + " did not answer " + row.operation() + " as " + caller.name()
                        + RelaisSystem.logHint(), e);
            }
        }
    }

    /** What a real client of the operation accepts: a browser a page, an EventSource a stream, an API client JSON. */
    private static String accepted(MatrixRow row) {
        if (row.operation().endsWith("/live") || row.operation().endsWith("/direct")) {
            return "text/event-stream";
        }
        return row.webPage() ? "text/html" : "application/json";
    }

    /** The status is all a cell needs: an event stream that opens is closed at once, any other body is read to its end. */
    private static int status(HttpRequest request) throws IOException {
        try {
            HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
                if (!stream) {
                    body.readAllBytes();
                }
            }
            return response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
