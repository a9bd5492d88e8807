package fr.relais.mediation.api;

import fr.relais.events.channel.Channel;
import fr.relais.events.channel.TouchpointKind;
import fr.relais.events.mediation.MediationCaseOpened;
import fr.relais.mediation.Bus;
import fr.relais.mediation.Db;
import fr.relais.mediation.TestTopics;
import fr.relais.problem.Problem;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * Mediators see only their pool (maya: 93, marc: 23), and whoever may not see a case cannot tell it exists:
 * a case of another pool answers exactly what a case that does not exist answers.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class PoolIsolationTest {

    static Bus bus;

    @BeforeAll
    static void connect() {
        bus = new Bus();
    }

    @AfterAll
    static void disconnect() throws Exception {
        bus.close();
    }

    static RequestSpecification as(DemoUser user) {
        return given().auth().oauth2(KeycloakTokens.accessToken(user));
    }

    /** "I need help" from a site's desk: the case goes to the site's pool (fs-gueret: 23, fs-aubervilliers: 93). */
    static UUID caseAt(UUID journeyId, String site) {
        bus.touch(Bus.touchpoint(journeyId, TouchpointKind.HELP_REQUESTED, "formulaire", Channel.DESK, site, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> bus.mediationOf(journeyId, MediationCaseOpened.class).size() == 1);
        return Bus.read(bus.mediationOf(journeyId, MediationCaseOpened.class).get(0), MediationCaseOpened.class).caseId();
    }

    /** The status, type and detail of a problem answer, without the instance (which names the path). */
    static String problemOf(Response response) {
        return response.statusCode() + " " + response.contentType() + " " + response.path("type") + " " + response.path("detail");
    }

    @Test
    void aCaseOfAnotherPoolIsNotFoundForEveryAction() {
        UUID gueret = caseAt(UUID.randomUUID(), "fs-gueret");
        UUID aubervilliers = caseAt(UUID.randomUUID(), "fs-aubervilliers");
        UUID missing = UUID.randomUUID();

        // what an unknown case answers is what a case of another pool answers, action by action
        for (Function<UUID, Response> action : java.util.List.<Function<UUID, Response>>of(
                id -> as(DemoUser.MAYA).get("/cases/" + id),
                id -> as(DemoUser.MAYA).post("/cases/" + id + "/claim"),
                id -> as(DemoUser.MAYA).contentType(ContentType.JSON).body("{\"outcome\":\"reached\"}").post("/cases/" + id + "/contacts"),
                id -> as(DemoUser.MAYA).contentType(ContentType.JSON).body("{\"outcome\":\"helped-online\"}").post("/cases/" + id + "/resolve"))) {
            Response other = action.apply(gueret);
            assertThat(other.statusCode()).isEqualTo(404);
            assertThat(problemOf(other)).isEqualTo(problemOf(action.apply(missing)));
        }
        as(DemoUser.MARC).post("/cases/" + aubervilliers + "/claim").then().statusCode(404)
                .contentType(Problem.PROBLEM_JSON);
        as(DemoUser.MARC).get("/cases/" + aubervilliers).then().statusCode(404);

        // nothing happened to the cases: still open, unclaimed, no contact
        assertThat(Db.query("select status, claimed_by, contact_attempts from mediation_case where id in (?, ?)", gueret, aubervilliers))
                .allSatisfy(row -> {
                    assertThat(row.get("status")).isEqualTo("OPEN");
                    assertThat(row.get("claimed_by")).isNull();
                    assertThat(((Number) row.get("contact_attempts")).intValue()).isZero();
                });

        // the queue of each shows only their pool's case
        assertThat(as(DemoUser.MAYA).get("/cases/queue").then().statusCode(200).extract().<java.util.List<String>>path("id"))
                .contains(aubervilliers.toString()).doesNotContain(gueret.toString());
        assertThat(as(DemoUser.MARC).get("/cases/queue").then().statusCode(200).extract().<java.util.List<String>>path("id"))
                .contains(gueret.toString()).doesNotContain(aubervilliers.toString());

        // own pool: found, claimed
        as(DemoUser.MARC).get("/cases/" + gueret).then().statusCode(200).body("mediationCase.pool", is("23"));
        as(DemoUser.MAYA).post("/cases/" + aubervilliers + "/claim").then().statusCode(200).body("status", is("claimed"));
    }

    @Test
    void callersWhoAreNotMediatorsCannotTellThatACaseExists() {
        UUID caseId = caseAt(UUID.randomUUID(), "fs-aubervilliers");
        for (DemoUser user : new DemoUser[]{DemoUser.CAMILLE, DemoUser.AGNES, DemoUser.OLGA}) {
            Response existing = as(user).get("/cases/" + caseId);
            assertThat(existing.statusCode()).as(user.username()).isEqualTo(404);
            assertThat(problemOf(existing)).isEqualTo(problemOf(as(user).get("/cases/" + UUID.randomUUID())));
            as(user).post("/cases/" + caseId + "/claim").then().statusCode(404);
        }
        given().get("/cases/" + caseId).then().statusCode(401);
        assertThat(Db.query("select status from mediation_case where id = ?", caseId).get(0).get("status")).isEqualTo("OPEN");
    }

    @Test
    void frictionIsReadOnlyForAJourneyWithACaseInTheMediatorsPool() {
        UUID gueretJourney = UUID.randomUUID();
        caseAt(gueretJourney, "fs-gueret");
        // a journey with signals but no case: its friction is for ops only
        UUID quietJourney = UUID.randomUUID();
        bus.touch(Bus.touchpoint(quietJourney, TouchpointKind.VALIDATION_ERROR, "formulaire", Channel.PORTAL, null, Instant.now()));
        await().atMost(Duration.ofSeconds(20)).until(() -> Db.count("select count(*) from signal where journey_id = ?", quietJourney) == 1);

        Response notHers = as(DemoUser.MAYA).get("/journeys/" + gueretJourney + "/friction");
        assertThat(notHers.statusCode()).isEqualTo(404);
        assertThat(problemOf(notHers)).isEqualTo(problemOf(as(DemoUser.MAYA).get("/journeys/" + UUID.randomUUID() + "/friction")));
        as(DemoUser.MAYA).get("/journeys/" + quietJourney + "/friction").then().statusCode(404);
        as(DemoUser.MARC).get("/journeys/" + quietJourney + "/friction").then().statusCode(404);

        as(DemoUser.MARC).get("/journeys/" + gueretJourney + "/friction").then().statusCode(200)
                .body("journeyId", is(gueretJourney.toString()));
        // ops: any journey's explanation (codes and pseudonymous ids only), and still none for citizens
        as(DemoUser.OLGA).get("/journeys/" + gueretJourney + "/friction").then().statusCode(200);
        as(DemoUser.OLGA).get("/journeys/" + quietJourney + "/friction").then().statusCode(200)
                .body("openCaseId", is((Object) null));
        as(DemoUser.CAMILLE).get("/journeys/" + gueretJourney + "/friction").then().statusCode(403);
    }
}
