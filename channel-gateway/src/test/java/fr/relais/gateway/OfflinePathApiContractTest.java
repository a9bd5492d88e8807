package fr.relais.gateway;

import fr.relais.gateway.stub.JourneyServiceStub;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The off-line path through the gateway with real Keycloak tokens and real Kafka (journey-service is played by its
 * stub and a fake on Kafka; the real services meet in the system tests): a counter agent finds or records a person
 * and starts a journey for her, prints the receipt, asks for a call back; a citizen attaches a journey and asks to be
 * called back. Bad input is refused before anything is recorded or sent, each problem naming its field.
 *
 * <p>A contract test: the downstream services' rules are played by stubs here, so what it proves is the gateway's side
 * of the contract (routing, validation, tokens passed on, problems relayed); the rules themselves are proven against
 * the real services in system-tests' OfflineCitizenTest and the authorization matrix.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class OfflinePathApiContractTest {

    static FakeJourneyService journeyService;

    @BeforeAll
    static void start() {
        journeyService = new FakeJourneyService();
    }

    @AfterAll
    static void stop() throws Exception {
        journeyService.close();
    }

    static RequestSpecification as(DemoUser user) {
        return given().auth().oauth2(KeycloakTokens.accessToken(user)).contentType("application/json");
    }

    static String subject(DemoUser user) {
        return KeycloakTokens.claims(user).path("sub").asText();
    }

    static Map<String, Object> draft(String familyName) {
        return Map.of("givenNames", "Mohamed", "familyName", familyName, "birthDate", "02/11/1951", "phone", "05 55 12 34 56",
                "preferredLanguage", "fr", "accessibilityNeeds", List.of("lecture-difficile"),
                "consents", Map.of("phone", true, "sms", false, "email", false, "letter", false));
    }

    static String uniqueName() {
        return "Benali-" + UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    }

    @Test
    void aCounterAgentRecordsAPersonFindsHerAndIsToldOfADuplicate() {
        String family = uniqueName();
        as(DemoUser.GILLES).body(draft(family)).post("/api/desk/persons")
                .then().statusCode(201).body("identity", is("checked")).body("personId", notNullValue());
        as(DemoUser.GILLES).body(Map.of("givenNames", "Mohamed", "familyName", family, "birthDate", "02/11/1951"))
                .post("/api/desk/persons/search").then().statusCode(200).body("familyName", is(family));
        as(DemoUser.GILLES).body(draft(family)).post("/api/desk/persons")
                .then().statusCode(409).contentType("application/problem+json").body("type", containsString("duplicate-person"))
                .body("fields", hasItem("birthDate"));
        as(DemoUser.GILLES).body(Map.of("givenNames", "Mohamed", "familyName", uniqueName(), "birthDate", "02/11/1951"))
                .post("/api/desk/persons/search").then().statusCode(404).body("type", containsString("person-not-found"));
    }

    @Test
    void anIncompletePersonIsRefusedFieldByFieldWithoutPersonalDataInTheProblem() {
        String body = as(DemoUser.AGNES).body(Map.of("givenNames", "Mohamed", "phone", "05 55 12 34 56")).post("/api/desk/persons")
                .then().statusCode(400).contentType("application/problem+json").body("type", containsString("invalid-person"))
                .body("errors.field", hasItem("familyName")).body("errors.field", hasItem("birthDate"))
                .extract().asString();
        assertThat(body).doesNotContain("Mohamed", "05 55");
        as(DemoUser.AGNES).body("null").post("/api/desk/persons").then().statusCode(400).body("field", is("body"));
    }

    @Test
    void onlyCounterAgentsWorkWithPersonRecordsAtTheDesk() {
        as(DemoUser.PAUL).body(draft(uniqueName())).post("/api/desk/persons").then().statusCode(403);
        as(DemoUser.CAMILLE).body(Map.of()).post("/api/desk/persons/search").then().statusCode(403);
        as(DemoUser.MOHAMED).body(Map.of("procedureId", "cni-renouvellement")).post("/api/desk/journeys").then().statusCode(403);
        given().contentType("application/json").body(Map.of()).post("/api/desk/journeys").then().statusCode(401);
    }

    @Test
    void aJourneyStartedForAFoundPersonGoesToJourneyServiceWithHerIdOnTheDeskOfTheAgentsSite() {
        UUID personId = UUID.randomUUID();
        String journeyId = as(DemoUser.GILLES).body(Map.of("procedureId", "cni-renouvellement", "personId", personId))
                .post("/api/desk/journeys").then().statusCode(200).body("journeyStatus", is("IN_PROGRESS"))
                .extract().path("journeyId");
        String command = journeyService.commands.forKey(journeyId).get(0).value();
        assertThat(command).contains("\"personId\":\"" + personId + "\"", "\"channel\":\"desk\"", "fs-gueret", "cni-renouvellement");
    }

    @Test
    void aNewPersonIsRecordedFirstThenHerJourneyStarts() {
        String family = uniqueName();
        String journeyId = as(DemoUser.GILLES).body(Map.of("procedureId", "cni-renouvellement", "person", draft(family)))
                .post("/api/desk/journeys").then().statusCode(200).extract().path("journeyId");
        String recorded = JourneyServiceStub.PERSONS.values().stream().filter(p -> family.equals(p.get("familyName")))
                .findFirst().orElseThrow().get("personId").toString();
        String command = journeyService.commands.forKey(journeyId).get(0).value();
        assertThat(command).contains("\"personId\":\"" + recorded + "\"").doesNotContain(family, "1951", "05 55");
    }

    @Test
    void aStartWithoutProcedureOrPersonOrWithAnUnknownProcedureIsRefusedBeforeAnythingIsRecorded() {
        int before = journeyService.commands.all().size();
        int persons = JourneyServiceStub.PERSONS.size();
        as(DemoUser.GILLES).body(Map.of()).post("/api/desk/journeys").then().statusCode(400).body("field", is("procedureId"));
        as(DemoUser.GILLES).body(Map.of("procedureId", "cni-renouvellement")).post("/api/desk/journeys")
                .then().statusCode(400).body("field", is("personId"));
        as(DemoUser.GILLES).body(Map.of("procedureId", "cni-renouvellement", "personId", UUID.randomUUID(), "person", draft(uniqueName())))
                .post("/api/desk/journeys").then().statusCode(400).body("field", is("personId"));
        as(DemoUser.GILLES).body(Map.of("procedureId", "permis-de-chasse", "person", draft(uniqueName())))
                .post("/api/desk/journeys").then().statusCode(400).body("field", is("procedureId"));
        as(DemoUser.GILLES).body(Map.of("procedureId", "cni-renouvellement", "person", Map.of("givenNames", "Mohamed")))
                .post("/api/desk/journeys").then().statusCode(400).body("type", containsString("invalid-person"));
        as(DemoUser.GILLES).body(Map.of("procedureId", "cni-renouvellement", "personId", "pas-un-id"))
                .post("/api/desk/journeys").then().statusCode(400).contentType("application/problem+json");
        assertThat(journeyService.commands.all()).hasSize(before);
        assertThat(JourneyServiceStub.PERSONS).hasSize(persons);
    }

    @Test
    void theAgentHoldingTheJourneyGetsTheReceiptAsJsonAndAsAPdfNobodyElseDoes() throws Exception {
        UUID journey = UUID.randomUUID();
        JourneyServiceStub.RECEIPT_READERS.put(journey, subject(DemoUser.GILLES));
        as(DemoUser.GILLES).get("/api/desk/journeys/" + journey + "/receipt").then().statusCode(200)
                .body("resumeCode", is(JourneyServiceStub.RECEIPT_CODE)).body("familyName", is("Benali"));

        Response pdf = given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.GILLES)).accept("application/pdf")
                .get("/api/desk/journeys/" + journey + "/receipt.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(pdf.header("Cache-Control")).contains("no-store");
        assertThat(pdf.header("Content-Disposition")).startsWith("inline");
        try (var document = Loader.loadPDF(pdf.asByteArray())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("KM4T 7QXR", "Mohamed Benali", "Renouvellement de carte nationale d'identité",
                    "Étape justificatifs", "France Services Guéret", "09 70 00 00 00").doesNotContain("Étape identite");
        }

        as(DemoUser.AGNES).get("/api/desk/journeys/" + journey + "/receipt").then().statusCode(404);
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.AGNES)).accept("application/pdf")
                .get("/api/desk/journeys/" + journey + "/receipt.pdf").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.CAMILLE)).accept("application/pdf")
                .get("/api/desk/journeys/" + journey + "/receipt.pdf").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aCallBackAskedAtTheDeskNeedsConsentAndWindowsOfTheListAndOnlyForAJourneyTheAgentMayRead() {
        UUID journey = UUID.randomUUID();
        JourneyServiceStub.OWNERS.put(journey, subject(DemoUser.GILLES));
        String path = "/api/desk/journeys/" + journey + "/callback";
        as(DemoUser.AGNES).body(Map.of()).post(path).then().statusCode(404);
        as(DemoUser.GILLES).body(Map.of()).post(path).then().statusCode(400).body("field", is("consent"));
        as(DemoUser.GILLES).body(Map.of("consent", true)).post(path).then().statusCode(400).body("field", is("windows"));
        as(DemoUser.GILLES).body(Map.of("consent", true, "windows", List.of("dimanche-soir"))).post(path)
                .then().statusCode(400).body("field", is("windows"));
        as(DemoUser.GILLES).body(Map.of("consent", true, "windows", List.of("mardi-matin"), "reasonCode", "je veux"))
                .post(path).then().statusCode(400).body("field", is("reasonCode"));
        as(DemoUser.GILLES).body(Map.of("consent", true, "windows", List.of("mardi-matin"), "phone", "12"))
                .post(path).then().statusCode(400).body("field", is("phone"));
        assertThat(JourneyServiceStub.CALLBACKS).doesNotContainKey(journey);

        as(DemoUser.GILLES).body(Map.of("consent", true, "windows", List.of("Mardi-Matin", "jeudi-apres-midi"))).post(path)
                .then().statusCode(201).body("journeyId", is(journey.toString())).body("reasonCode", is("needs-help"));
        assertThat(JourneyServiceStub.CALLBACKS.get(journey)).containsEntry("windows", List.of("mardi-matin", "jeudi-apres-midi"))
                .doesNotContainKey("phone");
        as(DemoUser.GILLES).body(Map.of("consent", true, "windows", List.of("mardi-matin"))).post(path)
                .then().statusCode(409).body("type", containsString("callback-pending"));
    }

    @Test
    void aCitizenAttachesAJourneyWithHerReceiptsCodeAndBirthDate() {
        as(DemoUser.MOHAMED).body(Map.of()).post("/api/portal/journeys/attach").then().statusCode(400).body("field", is("resumeCode"));
        as(DemoUser.MOHAMED).body(Map.of("resumeCode", "KM4T7QXR")).post("/api/portal/journeys/attach")
                .then().statusCode(400).body("field", is("checkValue"));
        int sent = JourneyServiceStub.ATTACHES.size();
        as(DemoUser.MOHAMED).body(Map.of("resumeCode", "km4t 7qxr", "checkValue", "02/11/1951")).post("/api/portal/journeys/attach")
                .then().statusCode(200).body("journeyId", is(JourneyServiceStub.ATTACHABLE_JOURNEY.toString()));
        assertThat(JourneyServiceStub.ATTACHES.get(sent)).containsEntry("resumeCode", "KM4T7QXR");
        as(DemoUser.MOHAMED).body(Map.of("resumeCode", "KM4T7QXR", "checkValue", "03/11/1951")).post("/api/portal/journeys/attach")
                .then().statusCode(404).body("type", containsString("no-match"));
        as(DemoUser.MOHAMED).body(Map.of("resumeCode", JourneyServiceStub.LOCKED_CODE, "checkValue", "02/11/1951"))
                .post("/api/portal/journeys/attach").then().statusCode(429).body("type", containsString("resume-code-locked"));
        as(DemoUser.GILLES).body(Map.of("resumeCode", "KM4T7QXR", "checkValue", "02/11/1951")).post("/api/portal/journeys/attach")
                .then().statusCode(403);
    }

    @Test
    void aCitizenAsksToBeCalledBackOnHerOwnJourneyOnly() {
        UUID mine = UUID.randomUUID();
        JourneyServiceStub.OWNERS.put(mine, subject(DemoUser.CAMILLE));
        as(DemoUser.MOHAMED).body(Map.of()).post("/api/portal/journeys/" + mine + "/callback").then().statusCode(404);
        as(DemoUser.CAMILLE).body(Map.of()).post("/api/portal/journeys/" + mine + "/callback").then().statusCode(400)
                .body("field", is("consent"));
        as(DemoUser.CAMILLE).body(Map.of("phone", "06 12 34 56 78", "consent", true, "windows", List.of("vendredi-apres-midi"),
                        "reasonCode", "documents-help")).post("/api/portal/journeys/" + mine + "/callback")
                .then().statusCode(201).body("reasonCode", is("documents-help"));
        assertThat(JourneyServiceStub.CALLBACKS.get(mine)).containsEntry("phone", "06 12 34 56 78");
        as(DemoUser.GILLES).body(Map.of()).post("/api/portal/journeys/" + mine + "/callback").then().statusCode(403);
    }
}
