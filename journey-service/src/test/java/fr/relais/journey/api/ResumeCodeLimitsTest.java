package fr.relais.journey.api;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.events.journey.StartJourney;
import fr.relais.events.journey.SubmitStep;
import fr.relais.journey.TestTopics;
import fr.relais.journey.messaging.CommandBus;
import fr.relais.journey.service.ResumeCodes;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The resume-code limits under concurrency (#15 finding 3): many lookups at once, as an attacker would send
 * them, against the real PostgreSQL. Counting and deciding in separate statements let them all through.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class ResumeCodeLimitsTest {

    private static final int PARALLEL = 50;
    private static final String WRONG_BIRTH_DATE = "1950-01-01";
    private static final List<DemoUser> STAFF = List.of(DemoUser.PAUL, DemoUser.AGNES, DemoUser.GILLES, DemoUser.MAYA,
            DemoUser.MARC);

    static CommandBus bus;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TestHTTPResource("/journeys/lookup")
    URI lookup;

    @Inject
    DataSource database;

    @ConfigProperty(name = "relais.lookup.max-failures-per-code")
    int maxFailuresPerCode;

    @ConfigProperty(name = "relais.lookup.max-per-caller-per-minute")
    int maxPerCaller;

    @BeforeAll
    static void connect() {
        bus = new CommandBus();
    }

    @AfterAll
    static void disconnect() throws Exception {
        bus.close();
    }

    /** Each test starts with no recent attempt, so earlier lookups by the same demo staff do not count. */
    @BeforeEach
    void forgetEarlierAttempts() throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement delete = c.prepareStatement("DELETE FROM resume_lookup")) {
            delete.executeUpdate();
        }
    }

    @Test
    void fiftyParallelWrongDatesForOneCodeAreEvaluatedOnlyUpToTheLimitThenEvenTheRightDateIsRefused() throws Exception {
        String code = resumeCodeOf(journeyWithIdentity());
        // spread over five staff members, ten each: no caller limit is reached, only the code's
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            calls.add(lookupAsync(STAFF.get(i % STAFF.size()), code, WRONG_BIRTH_DATE));
        }
        Map<String, Long> answers = tally(calls);

        assertThat(answers).containsOnlyKeys("404 no-match", "429 resume-code-locked");
        assertThat(answers.get("404 no-match")).isEqualTo(maxFailuresPerCode);
        assertThat(answers.get("429 resume-code-locked")).isEqualTo(PARALLEL - maxFailuresPerCode);
        assertThat(evaluatedAttemptsFor(code)).isEqualTo(maxFailuresPerCode);

        for (String rightDate : List.of("1984-03-12", "12/03/1984")) {
            assertThat(answer(lookupAsync(DemoUser.PAUL, code, rightDate).join())).isEqualTo("429 resume-code-locked");
        }
    }

    @Test
    void fiftyParallelLookupsByOneCallerAreAnsweredOnlyUpToTheCallersLimit() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            // a different, unknown code each time: the code limit never applies, only the caller's
            calls.add(lookupAsync(DemoUser.GILLES, ResumeCodes.generate(), "12/03/1984"));
        }
        Map<String, Long> answers = tally(calls);

        long notRefused = answers.entrySet().stream().filter(e -> !e.getKey().startsWith("429")).mapToLong(Map.Entry::getValue).sum();
        assertThat(notRefused).isLessThanOrEqualTo(maxPerCaller);
        assertThat(answers).containsOnlyKeys("404 no-match", "429 too-many-lookups");
        assertThat(answers.get("404 no-match")).isEqualTo(maxPerCaller);
    }

    @Test
    void theCheckValueIsTheFullBirthDateNotTheYear() {
        UUID journeyId = journeyWithIdentity();
        String code = resumeCodeOf(journeyId);
        assertThat(answer(lookupAsync(DemoUser.PAUL, code, "1984").join())).isEqualTo("400 invalid-lookup");
        assertThat(answer(lookupAsync(DemoUser.PAUL, code, "31/02/1984").join())).isEqualTo("400 invalid-lookup");
        HttpResponse<String> found = lookupAsync(DemoUser.PAUL, code, "12/3/1984").join();
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains(journeyId.toString());
    }

    private CompletableFuture<HttpResponse<String>> lookupAsync(DemoUser caller, String code, String checkValue) {
        String body = "{\"resumeCode\":\"" + code + "\",\"checkValue\":\"" + checkValue + "\"}";
        HttpRequest request = HttpRequest.newBuilder(lookup).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + KeycloakTokens.accessToken(caller))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    /** How many answers of each kind: "404 no-match", "429 resume-code-locked"… */
    private static Map<String, Long> tally(List<CompletableFuture<HttpResponse<String>>> calls) {
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        return calls.stream().map(CompletableFuture::join).map(ResumeCodeLimitsTest::answer)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static String answer(HttpResponse<String> response) {
        if (response.statusCode() == 200) {
            return "200";
        }
        JsonNode problem = CommandBus.read(response.body());
        String type = problem.path("type").asText();
        return response.statusCode() + " " + type.substring(type.lastIndexOf('/') + 1);
    }

    private long evaluatedAttemptsFor(String code) throws SQLException {
        try (Connection c = database.getConnection();
             PreparedStatement count = c.prepareStatement("SELECT count(*) FROM resume_lookup WHERE resume_code = ?")) {
            count.setString(1, code);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static UUID journeyWithIdentity() {
        UUID journeyId = UUID.randomUUID();
        StartJourney start = new StartJourney(UUID.randomUUID(), journeyId, CommandBus.CAMILLE, Instant.now(), "cni-renouvellement");
        bus.sendAccepted(start);
        SubmitStep identite = CommandBus.submitStep(UUID.randomUUID(), journeyId, CommandBus.CAMILLE, "identite",
                Map.of("nom", "Martin", "prenoms", "Camille", "date-naissance", "1984-03-12",
                        "commune-naissance", "Aubervilliers"));
        bus.sendAccepted(identite);
        return journeyId;
    }

    private static String resumeCodeOf(UUID journeyId) {
        return given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.CAMILLE)).get("/journeys/" + journeyId)
                .then().statusCode(200).extract().path("resumeCode");
    }
}
