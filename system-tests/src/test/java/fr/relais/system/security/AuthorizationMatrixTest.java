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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static fr.relais.testsupport.DemoUser.AGNES;
import static fr.relais.testsupport.DemoUser.CAMILLE;
import static fr.relais.testsupport.DemoUser.MAYA;
import static fr.relais.testsupport.DemoUser.PAUL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every operation of every service's OpenAPI document × every caller, on resources that belong to Camille, against
 * the real stack. The expected answer of each cell comes from a small table per service
 * ({@code src/test/resources/authorization-matrix/<service>.tsv}): an operation without a row fails the test, so a
 * new endpoint cannot ship without saying who may call it.
 *
 * <p>Verdicts: an unusable token (none, forged, expired, another client's, without a subject) is a 401 everywhere;
 * a caller the row allows is not refused (neither 401 nor 403); anyone else is refused with 403 or 404 and a problem
 * body (RFC 9457); nothing is
 * ever a 5xx; a web page answers a bearer token with a login redirect or 401, never with the page; a public page
 * answers anyone (a bearer token that is sent must still be a good one: 401 otherwise). Refusals are
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
        // Keycloak signed it for 5 seconds: wait until its expiry (whole seconds) has passed
        Instant expired = KeycloakTokens.expiresAt(expiring).plusSeconds(1);
        await("the short-lived token expired").atMost(Duration.ofSeconds(30)).until(() -> Instant.now().isAfter(expired));
        callers = MatrixCaller.all(expiring);
    }

    /** A journey of Camille's with a confirmed booking, new for each service: allowed calls change them. */
    private static Map<String, String> camillesResources() {
        Journeys.cancelAppointmentsAhead(CAMILLE);
        // the start is also the command of hers that the command-outcome rows read
        JsonNode started = Api.as(CAMILLE).post("/api/portal/journeys", Map.of("procedureId", "procuration-vote"),
                "start-" + UUID.randomUUID()).expect(200);
        UUID journey = UUID.fromString(started.get("journeyId").asText());
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
                "{today}", today.toString(), "{in-a-week}", today.plusDays(7).toString(), "{command}", started.get("commandId").asText());
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

    @Test
    void notificationService() {
        check(RelaisSystem.services().notification());
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

        List<String> wrong = new ArrayList<>();
        int checked = run(service, rows, callers.values(), camillesResources(), "", wrong);

        // the same reads once staff have their reasons: a verified call (paul), presence at the desk (agnes), a case
        // of the mediator's pool (maya); the others of each kind (gilles, sofiane, marc) still have none
        List<MatrixRow> withReasons = rows.stream().filter(row -> row.allowedWithReasons() != null).map(MatrixRow::withReasons)
                .toList();
        Reasons reasons = camillesJourneyWithReasons();
        checked += run(service, withReasons, callers.values(), reasons.fixtures(), " (with reasons)", wrong);
        // the verified call's time box ends: paul is refused again
        Instant timeBoxOver = reasons.verifiedUntil().plusSeconds(2);
        await("paul's verified call over").atMost(Duration.ofSeconds(40)).until(() -> Instant.now().isAfter(timeBoxOver));
        List<MatrixRow> afterTimeBox = withReasons.stream().map(row -> row.without("paul")).toList();
        checked += run(service, afterTimeBox, List.of(callers.get("paul")), reasons.fixtures(), " (time box over)", wrong);

        System.err.printf("[matrix] %s: %d operations x %d callers, %d cells checked, %d wrong%n", service.name(),
                rows.size(), callers.size(), checked, wrong.size());
        assertThat(wrong).as(service.name() + ": cells whose answer is not what the matrix says" + RelaisSystem.logHint())
                .isEmpty();
    }

    /** Runs every row x caller cell on these fixtures; adds what is wrong to {@code wrong}; returns the cells checked. */
    private static int run(ServiceProcess service, List<MatrixRow> rows, java.util.Collection<MatrixCaller> who,
                           Map<String, String> fixtures, String phase, List<String> wrong) {
        List<Cell> cells = new ArrayList<>();
        for (MatrixRow row : rows) {
            for (MatrixCaller caller : who) {
                cells.add(new Cell(row, caller, !caller.unusableToken() && row.allowed().contains(caller.name())));
            }
        }
        // refusals first, on untouched resources; then allowed reads; then allowed changes
        cells.sort(Comparator.comparingInt((Cell c) -> !c.allowed() ? 0 : c.row().safe() ? 1 : 2));
        for (Cell cell : cells) {
            Answer answer = call(service, cell.row(), cell.caller(), fixtures);
            int status = answer.status();
            String verdict = verdict(cell, status, answer.contentType());
            if (verdict != null) {
                wrong.add(String.format("%-55s %-13s -> %d, expected %s%s", cell.row().operation(), cell.caller().name(), status,
                        verdict, phase));
            }
        }
        return cells.size();
    }

    private record Reasons(Map<String, String> fixtures, Instant verifiedUntil) {
    }

    /**
     * Another journey of Camille's with a booking, on which staff now have reasons: she asked for help (a case in
     * pool 93, maya's), agnes checked her in at fs-aubervilliers, paul verified her on the phone (a time box of
     * {@link RelaisSystem#CALLER_VERIFICATION}). Each service learns them from Kafka: the reads wait until they can.
     */
    private static Reasons camillesJourneyWithReasons() {
        Map<String, String> base = camillesResources();
        UUID journey = UUID.fromString(base.get("{journey}"));
        String booking = base.get("{booking}");
        Journeys.submit(CAMILLE, "portal", journey, "mandant", Map.of("nom", "Martin", "prenoms", "Camille",
                "date-naissance", "1984-03-12", "commune-vote", "Aubervilliers"));
        Api.as(CAMILLE).post("/api/portal/journeys/" + journey + "/help", Map.of("stepId", "mandataire"));
        await("a case of pool 93 for the journey").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300))
                .until(() -> Api.as(MAYA).get("/api/mediation/journeys/" + journey + "/friction").status() == 200);
        Journeys.awaitJourney(CAMILLE, journey, "journey escalated", j -> j.get("status").asText().equals("ESCALATED"));
        String resumeCode = Journeys.read(CAMILLE, "portal", journey).get("resumeCode").asText();
        Api.as(AGNES).post("/api/desk/check-in", Map.of("resumeCode", resumeCode, "checkValue", "1984-03-12")).expect(200);
        Api.as(PAUL).post("/api/phone/verify", Map.of("resumeCode", resumeCode, "checkValue", "12/03/1984")).expect(200);
        Instant verifiedUntil = Instant.now().plus(RelaisSystem.CALLER_VERIFICATION);
        for (var staff : List.of(PAUL, AGNES, MAYA)) {
            await(staff.username() + " may read the booking").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> Api.as(staff).get("/api/appointments/bookings/" + booking).status() == 200);
        }
        return new Reasons(base, verifiedUntil);
    }

    /** Null when the status is right for the cell, else what was expected. */
    private static String verdict(Cell cell, int status, String contentType) {
        if (status >= 500) {
            return "never a 5xx";
        }
        if (cell.row().publicPage()) {
            boolean badToken = cell.caller().unusableToken() && cell.caller().token().isPresent();
            return status == 200 || badToken && status == 401 ? null : badToken ? "200 or 401" : "200 (a page open to anyone)";
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
        if (status != 403 && status != 404) {
            return "403 or 404";
        }
        return contentType.startsWith("application/problem+json") ? null : "a problem (RFC 9457) body, not " + contentType;
    }

    private static Answer call(ServiceProcess service, MatrixRow row, MatrixCaller caller, Map<String, String> fixtures) {
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

    /** What a real client of the operation accepts: a browser a page, an EventSource a stream, a viewer a PDF, an API client JSON. */
    private static String accepted(MatrixRow row) {
        if (row.operation().endsWith("/live") || row.operation().endsWith("/direct")) {
            return "text/event-stream";
        }
        if (row.operation().endsWith(".pdf")) {
            return "application/pdf"; // a receipt: what a PDF viewer or a browser's download asks for
        }
        if (row.publicPage() && !row.publicApi()) {
            return "text/html,*/*;q=0.8"; // a browser: a page, or what a link downloads (the open data's CSV)
        }
        return row.webPage() ? "text/html" : "application/json";
    }

    /** The status is all a cell needs: an event stream that opens is closed at once, any other body is read to its end. */
    private record Answer(int status, String contentType) {
    }

    private static Answer status(HttpRequest request) throws IOException {
        try {
            HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
                if (!stream) {
                    body.readAllBytes();
                }
            }
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse("none"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
