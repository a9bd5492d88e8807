package fr.relais.gateway;

import fr.relais.gateway.stub.JourneyServiceStub;
import fr.relais.gateway.stub.MyContactStub;
import fr.relais.gateway.stub.NotificationServiceStub;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

/**
 * Messages to citizens through the gateway: notification-service (a stub that answers only to the caller's own token,
 * and refuses as the real one does) and the citizen's contact at journey-service; their refusals reach the caller as
 * problems, and each endpoint is only for its roles.
 *
 * <p>A contract test: the downstream services' rules are played by stubs here, so what it proves is the gateway's side
 * of the contract (routing, validation, tokens passed on, problems relayed); the rules themselves are proven against
 * the real services in system-tests' NotificationTest and MessagesWebTest and the authorization matrix.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class NotificationApiContractTest {

    private static RequestSpecification as(DemoUser user) {
        return given().auth().oauth2(KeycloakTokens.accessToken(user)).contentType("application/json");
    }

    @Test
    void theCitizenReadsHerMessagesWithHerOwnToken() {
        // the stub answers 401 without the caller's token and 403 to another role: a 200 means hers was forwarded
        as(DemoUser.CAMILLE).get("/api/portal/messages").then().statusCode(200).body("", hasSize(2))
                .body("[0].trigger", is("reminder-48h")).body("[0].channel", is("email"))
                .body("[0].subject", containsString("Rappel")).body("[1].deferred", is(true));
        as(DemoUser.AGNES).get("/api/portal/messages").then().statusCode(403);
        given().get("/api/portal/messages").then().statusCode(401);
    }

    /** A journey journey-service lets {@code staff} read (its stub: the subject it is registered to), with messages. */
    private static UUID journeyReadableBy(DemoUser staff) {
        UUID journey = UUID.randomUUID();
        JourneyServiceStub.OWNERS.put(journey, KeycloakTokens.claims(staff).path("sub").asText());
        NotificationServiceStub.JOURNEYS.add(journey);
        return journey;
    }

    @Test
    void staffReadAJourneysMessagesOnTheirOwnChannelsApi() {
        UUID desk = journeyReadableBy(DemoUser.AGNES);
        as(DemoUser.AGNES).get("/api/desk/journeys/" + desk + "/messages").then().statusCode(200)
                .body("[0].trigger", is("reminder-48h")).body("[0].status", is("delivered"));
        UUID phone = journeyReadableBy(DemoUser.PAUL);
        as(DemoUser.PAUL).get("/api/phone/journeys/" + phone + "/messages").then().statusCode(200).body("", hasSize(1));
        UUID mediation = journeyReadableBy(DemoUser.MAYA);
        as(DemoUser.MAYA).get("/api/mediation/journeys/" + mediation + "/messages").then().statusCode(200).body("", hasSize(1));
        // each channel's API for its own role only
        as(DemoUser.CAMILLE).get("/api/desk/journeys/" + desk + "/messages").then().statusCode(403);
        as(DemoUser.AGNES).get("/api/phone/journeys/" + phone + "/messages").then().statusCode(403);
        as(DemoUser.PAUL).get("/api/mediation/journeys/" + mediation + "/messages").then().statusCode(403);
        as(DemoUser.OLGA).get("/api/mediation/journeys/" + mediation + "/messages").then().statusCode(403);
        given().get("/api/desk/journeys/" + desk + "/messages").then().statusCode(401);
    }

    @Test
    void withoutAReasonOnTheJourneyStaffLearnNothingOfItsMessages() {
        // notification-service would answer (role only), but journey-service gives Gilles no reason on Agnès's journey
        UUID agnes = journeyReadableBy(DemoUser.AGNES);
        as(DemoUser.GILLES).get("/api/desk/journeys/" + agnes + "/messages").then().statusCode(404)
                .contentType("application/problem+json");
        as(DemoUser.MARC).get("/api/mediation/journeys/" + agnes + "/messages").then().statusCode(404);
        // notification-service's own refusal is relayed as a problem too
        UUID unknownToNotifications = UUID.randomUUID();
        JourneyServiceStub.OWNERS.put(unknownToNotifications, KeycloakTokens.claims(DemoUser.AGNES).path("sub").asText());
        as(DemoUser.AGNES).get("/api/desk/journeys/" + unknownToNotifications + "/messages").then().statusCode(404)
                .contentType("application/problem+json").body("status", is(404));
    }

    @Test
    void aCounterAgentGetsHerOwnSitesLettersOnly() {
        // the stub refuses a site other than the token's: a 200 means the gateway asked for the agent's own site
        as(DemoUser.AGNES).get("/api/desk/letters").then().statusCode(200)
                .body("[0].site", is("fs-aubervilliers")).body("[0].day", is(NotificationServiceStub.DAY)).body("[0].letters", is(3));
        as(DemoUser.GILLES).get("/api/desk/letters").then().statusCode(200).body("[0].site", is("fs-gueret"));
        byte[] pdf = as(DemoUser.AGNES).get("/api/desk/letters/" + NotificationServiceStub.DAY + ".pdf").then().statusCode(200)
                .contentType("application/pdf").header("Cache-Control", "no-store")
                .header("Content-Disposition", containsString("courriers-fs-aubervilliers-2026-03-10.pdf"))
                .extract().asByteArray();
        assertThat(new String(pdf, java.nio.charset.StandardCharsets.US_ASCII)).startsWith("%PDF").contains("fs-aubervilliers");
        as(DemoUser.AGNES).post("/api/desk/letters/" + NotificationServiceStub.DAY + "/posted").then().statusCode(200)
                .body("site", is("fs-aubervilliers")).body("letters", is(3));
    }

    @Test
    void aDayThatIsNoDayIsRefusedBeforeAnythingIsAsked() {
        as(DemoUser.AGNES).get("/api/desk/letters/10-03-2026.pdf").then().statusCode(400)
                .contentType("application/problem+json").body("field", is("day"));
        as(DemoUser.AGNES).post("/api/desk/letters/2026-02-30/posted").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void lettersAreForCounterAgentsOnly() {
        as(DemoUser.CAMILLE).get("/api/desk/letters").then().statusCode(403);
        as(DemoUser.PAUL).get("/api/desk/letters").then().statusCode(403);
        as(DemoUser.MAYA).get("/api/desk/letters/" + NotificationServiceStub.DAY + ".pdf").then().statusCode(403);
        as(DemoUser.CAMILLE).post("/api/desk/letters/" + NotificationServiceStub.DAY + "/posted").then().statusCode(403);
        given().get("/api/desk/letters").then().statusCode(401);
    }

    @Test
    void theCitizenSetsHowSheIsReachedAndJourneyServicesFieldErrorsReachHer() {
        String subject = KeycloakTokens.claims(DemoUser.MOHAMED).path("sub").asText();
        MyContactStub.CONTACTS.remove(subject);
        as(DemoUser.MOHAMED).get("/api/portal/contact").then().statusCode(200).body("hasPerson", is(false));

        // journey-service's 400 invalid-contact, field by field, relayed as it is
        as(DemoUser.MOHAMED).body(Map.of("email", "pas-une-adresse", "phone", "", "consents", Map.of("email", false, "sms", true, "letter", false),
                        "birthDate", "02/11/1951"))
                .put("/api/portal/contact").then().statusCode(400).contentType("application/problem+json")
                .body("type", containsString("invalid-contact")).body("errors.field", org.hamcrest.Matchers.hasItems("email", "consents.sms"));

        as(DemoUser.MOHAMED).body(Map.of("phone", "05 55 12 34 56", "consents", Map.of("email", false, "sms", true, "letter", false),
                        "birthDate", "02/11/1951"))
                .put("/api/portal/contact").then().statusCode(200).body("hasPerson", is(true)).body("consents.sms", is(true));
        as(DemoUser.MOHAMED).get("/api/portal/contact").then().statusCode(200).body("phone", is("05 55 12 34 56"));
    }

    @Test
    void aContactChangeWithAnUnknownFieldOrNoBodyIsA400AndOnlyCitizensMayChangeOne() {
        as(DemoUser.CAMILLE).body(Map.of("mail", "camille.martin@example.org")).put("/api/portal/contact").then().statusCode(400)
                .contentType("application/problem+json");
        as(DemoUser.CAMILLE).put("/api/portal/contact").then().statusCode(400).contentType("application/problem+json");
        as(DemoUser.AGNES).body(Map.of("email", "x@example.org")).put("/api/portal/contact").then().statusCode(403);
        as(DemoUser.AGNES).get("/api/portal/contact").then().statusCode(403);
    }

    /** What a browser asks for when it opens a link: a page, or anything (the PDF). */
    private static final String BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8";

    @Test
    void theNewPagesNeedASignedInSessionAndNeverRenderForABearerToken() {
        for (String page : List.of("/portail/messages", "/portail/contact", "/guichet/courriers",
                "/guichet/courriers/" + NotificationServiceStub.DAY + ".pdf")) {
            // no session: off to the sign-in page, nothing of the page itself
            io.restassured.response.Response anonymous = given().redirects().follow(false).accept(BROWSER).get(page);
            assertThat(anonymous.statusCode()).as(page).isIn(302, 303);
            assertThat(anonymous.header("Location")).as(page).contains("/realms/relais/");
            // a citizen's API token is no session either: the desk's letters stay out of her reach
            io.restassured.response.Response bearer = as(DemoUser.CAMILLE).redirects().follow(false).accept(BROWSER).get(page);
            assertThat(bearer.statusCode()).as(page).isNotEqualTo(200);
        }
    }
}
