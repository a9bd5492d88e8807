package fr.relais.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.gateway.TestTopics;
import fr.relais.gateway.downstream.ExperienceAnswers;
import fr.relais.gateway.downstream.MediationServiceClient;
import fr.relais.gateway.stub.MediationServiceStub;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The web channel's side of the experience API (issue 21) against mediation-service's stand-in: which survey a page
 * offers, what a survey, a difficulty, a moderation or an answer sends (the contract's JSON, with the signed-in person's
 * own token, as a page sends it), what a refusal becomes, and the public /transparence with its open data, reachable
 * without a session and read from mediation-service without any token.
 *
 * <p>A contract test: the rules (who may answer, open or not, which cell is hidden) are mediation-service's, played by a
 * stub here; what it proves is the gateway's side of the contract. The pages behind a sign-in are driven by the system
 * tests' browser; here their forms are called as the page calls them, with the caller's token in the request's identity
 * as the web tenant puts it there (SessionTokenForwarding then forwards it).
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class ExperienceContractTest {

    /** What a browser asks for when it opens a link. */
    private static final String BROWSER = "text/html,application/xhtml+xml,*/*;q=0.8";

    @Inject
    @RestClient
    MediationServiceClient mediation;

    @Inject
    CurrentIdentityAssociation identities;

    @Location("owner/procedure.html")
    Template ownerPage;

    @Inject
    OperationsPages operations;

    @Inject
    OwnerPages owners;

    @Test
    void theSurveyIsOfferedOnlyOnceTheJourneyIsOverAndWhileMediationServiceSaysOpenAndUnanswered() {
        UUID open = journeyWithSurvey(true, false);
        UUID answered = journeyWithSurvey(true, true);
        UUID closed = journeyWithSurvey(false, false);

        int reads = MediationServiceStub.SURVEY_READS.get();
        assertThat(as(DemoUser.CAMILLE, () -> ExperienceViews.surveyOf(mediation, open, "IN_PROGRESS"))).isEqualTo(ExperienceViews.SurveyOffer.NOTHING);
        assertThat(as(DemoUser.CAMILLE, () -> ExperienceViews.surveyOf(mediation, open, "HANDOFF_PENDING"))).isEqualTo(ExperienceViews.SurveyOffer.NOTHING);
        assertThat(MediationServiceStub.SURVEY_READS.get()).as("a journey under way: mediation-service is not even asked").isEqualTo(reads);

        for (String over : List.of("COMPLETED", "ABANDONED", "CANCELLED")) {
            assertThat(as(DemoUser.CAMILLE, () -> ExperienceViews.surveyOf(mediation, open, over)).offered()).as(over).isTrue();
        }
        assertThat(as(DemoUser.CAMILLE, () -> ExperienceViews.surveyOf(mediation, answered, "COMPLETED")))
                .isEqualTo(new ExperienceViews.SurveyOffer(false, true));
        assertThat(as(DemoUser.CAMILLE, () -> ExperienceViews.surveyOf(mediation, closed, "COMPLETED"))).isEqualTo(ExperienceViews.SurveyOffer.NOTHING);
        // not hers (404), or no token at all (401): nothing is offered, and the page still renders
        assertThat(as(DemoUser.CAMILLE, () -> ExperienceViews.surveyOf(mediation, UUID.randomUUID(), "COMPLETED")))
                .isEqualTo(ExperienceViews.SurveyOffer.NOTHING);
        assertThat(as(null, () -> ExperienceViews.surveyOf(mediation, open, "COMPLETED"))).isEqualTo(ExperienceViews.SurveyOffer.NOTHING);
    }

    @Test
    void theCitizensAnswersReachMediationServiceAsTheContractsJsonWithHerOwnToken() {
        UUID journey = journeyWithSurvey(true, false);
        MultivaluedMap<String, String> form = form("4", "", "5", "  Trop long. Rappelez-moi au 06 12 34 56 78  ");

        assertThat(as(DemoUser.CAMILLE, () -> SurveyForm.send(mediation, journey, form, SurveyForm.PORTAL)))
                .isEqualTo(ExperienceMessages.SURVEY_THANKS_REDACTED);

        JsonNode sent = MediationServiceStub.SURVEYS_RECEIVED.get(journey);
        Set<String> fields = new TreeSet<>();
        sent.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("channel", "moment", "stepId", "easyToUnderstand", "helpWhenNeeded",
                "feelingComparedToBefore", "comment");
        assertThat(sent.path("channel").asText()).isEqualTo("portal");
        assertThat(sent.path("moment").asText()).isEqualTo("end");
        assertThat(sent.path("stepId").isNull()).isTrue();
        assertThat(sent.path("easyToUnderstand").isInt()).isTrue();
        assertThat(sent.path("easyToUnderstand").asInt()).isEqualTo(4);
        assertThat(sent.path("helpWhenNeeded").isNull()).as("a question left without answer is null").isTrue();
        assertThat(sent.path("feelingComparedToBefore").asInt()).isEqualTo(5);
        assertThat(sent.path("comment").asText()).isEqualTo("Trop long. Rappelez-moi au 06 12 34 56 78");
        assertThat(MediationServiceStub.SURVEY_SENDERS.get(journey)).as("her own token went downstream")
                .isEqualTo(KeycloakTokens.claims(DemoUser.CAMILLE).path("sub").asText());

        // answered once: the second is mediation-service's 409, a sentence for her
        assertThat(as(DemoUser.CAMILLE, () -> SurveyForm.send(mediation, journey, form("1", "1", "1", ""), SurveyForm.PORTAL)))
                .isEqualTo(ExperienceMessages.SURVEY_ALREADY);
        assertThat(MediationServiceStub.SURVEYS_RECEIVED.get(journey).path("easyToUnderstand").asInt()).isEqualTo(4);
    }

    @Test
    void aSurveyWithoutAnswerOrOutOfScaleIsNeverSentAndAFailingServiceIsASentence() {
        UUID journey = journeyWithSurvey(true, false);
        assertThat(as(DemoUser.CAMILLE, () -> SurveyForm.send(mediation, journey, form("", "", "", "  "), SurveyForm.PORTAL)))
                .isEqualTo(ExperienceMessages.SURVEY_EMPTY);
        assertThat(as(DemoUser.CAMILLE, () -> SurveyForm.send(mediation, journey, form("6", "", "", ""), SurveyForm.PORTAL)))
                .isEqualTo(ExperienceMessages.SURVEY_INVALID);
        assertThat(as(DemoUser.CAMILLE, () -> SurveyForm.send(mediation, journey, form("", "", "", "x".repeat(1001)), SurveyForm.PORTAL)))
                .isEqualTo(ExperienceMessages.SURVEY_INVALID);
        assertThat(MediationServiceStub.SURVEYS_RECEIVED).doesNotContainKey(journey);

        UUID failing = journeyWithSurvey(true, false);
        MediationServiceStub.FAILING.add(failing);
        assertThat(as(DemoUser.CAMILLE, () -> SurveyForm.send(mediation, failing, form("3", "", "", ""), SurveyForm.PORTAL)))
                .isEqualTo(ExperienceMessages.SURVEY_UNAVAILABLE);
        assertThat(ExperienceMessages.forCitizen(ExperienceMessages.SURVEY_UNAVAILABLE).alert()).isTrue();
    }

    @Test
    void theDeskFormSendsChannelDeskAndThePhoneFormChannelPhoneWithTheAgentsToken() {
        UUID atTheDesk = journeyWithSurvey(true, false);
        assertThat(as(DemoUser.AGNES, () -> SurveyForm.send(mediation, atTheDesk, form("2", "5", "4", ""), SurveyForm.DESK)))
                .isEqualTo(ExperienceMessages.SURVEY_THANKS);
        JsonNode desk = MediationServiceStub.SURVEYS_RECEIVED.get(atTheDesk);
        assertThat(desk.path("channel").asText()).isEqualTo("desk");
        assertThat(desk.path("comment").isNull()).isTrue();
        assertThat(MediationServiceStub.SURVEY_SENDERS.get(atTheDesk)).isEqualTo(KeycloakTokens.claims(DemoUser.AGNES).path("sub").asText());

        UUID onThePhone = journeyWithSurvey(true, false);
        assertThat(as(DemoUser.PAUL, () -> SurveyForm.send(mediation, onThePhone, form("", "3", "", "Merci"), SurveyForm.PHONE)))
                .isEqualTo(ExperienceMessages.SURVEY_THANKS_PENDING);
        assertThat(MediationServiceStub.SURVEYS_RECEIVED.get(onThePhone).path("channel").asText()).isEqualTo("phone");

        // mediation-service refuses a survey a caller may not record: a sentence, not an error page
        UUID notHers = journeyWithSurvey(true, false);
        assertThat(as(DemoUser.CAMILLE, () -> SurveyForm.send(mediation, notHers, form("2", "", "", ""), SurveyForm.DESK)))
                .isEqualTo(ExperienceMessages.SURVEY_REFUSED);
    }

    @Test
    void anAgentsDifficultyIsACodeOfTheClosedListOnAStepOrOnTheWholeJourney() {
        UUID journey = UUID.randomUUID();
        assertThat(as(DemoUser.AGNES, () -> SurveyForm.sendFlag(mediation, journey, "missing-document", "revenus")))
                .isEqualTo(ExperienceMessages.FLAG_SENT);
        JsonNode flag = MediationServiceStub.FLAGS_RECEIVED.get(journey);
        assertThat(flag.path("code").asText()).isEqualTo("missing-document");
        assertThat(flag.path("stepId").asText()).isEqualTo("revenus");

        UUID whole = UUID.randomUUID();
        assertThat(as(DemoUser.PAUL, () -> SurveyForm.sendFlag(mediation, whole, "language", ""))).isEqualTo(ExperienceMessages.FLAG_SENT);
        assertThat(MediationServiceStub.FLAGS_RECEIVED.get(whole).path("stepId").isNull()).isTrue();

        UUID unknown = UUID.randomUUID();
        assertThat(as(DemoUser.AGNES, () -> SurveyForm.sendFlag(mediation, unknown, "too-hot", null))).isEqualTo(ExperienceMessages.FLAG_MISSING);
        assertThat(MediationServiceStub.FLAGS_RECEIVED).doesNotContainKey(unknown);
        assertThat(as(DemoUser.CAMILLE, () -> SurveyForm.sendFlag(mediation, unknown, "other", null))).isEqualTo(ExperienceMessages.FLAG_REFUSED);
    }

    @Test
    void theOwnersPageRendersMediationServicesAggregatesWithTheHiddenCellsSaidInWords() {
        ExperienceAnswers.ProcedureExperience experience = as(DemoUser.OLGA, () -> mediation.procedureExperience("aide-logement", null));
        assertThat(experience.minCellSize()).isEqualTo(10);
        assertThat(experience.hiddenPaths()).isEqualTo(2);
        assertThat(experience.paths()).extracting(ExperienceAnswers.PathRow::path).containsExactly("portal", "portal+desk");

        // the application's own Qute engine, as the page renders
        String html = OwnerPages.page(ownerPage.data("nav", new WebSession.Nav(false, false, false, false, true, "Olga", "jeton")),
                "aide-logement", experience, null, List.of(), null).render();
        assertThat(html).contains("<h1>Aide logement</h1>", "<th scope=\"col\">En ligne et au guichet</th>",
                "2 parcours types non affichés : moins de 10 parcours : masqué pour protéger l&#39;anonymat.",
                "<td>masqué</td>", "Commentaires à modérer (1)", ">Publier</button>", ">Rejeter</button>",
                "<td>fs-aubervilliers</td><td>Pièce manquante</td><td>4</td>", "<th scope=\"row\">Revenus</th>",
                // the steps done with an agent: a column, and the three that most often need one (a share of the step's journeys)
                "<th scope=\"col\">Fait avec un agent</th>",
                "<th scope=\"row\">Revenus</th><td>40</td><td>12</td><td>5</td>\n          <td>3</td><td>2</td><td>30</td>",
                "<h3 id=\"titre-etapes-agent\">Les étapes qui demandent le plus souvent un agent</h3>",
                "<li>Revenus : 75 % des parcours</li><li>Identite : 42 % des parcours</li><li>Justificatifs : 10 % des parcours</li>")
                .doesNotContain("Signature : ", "Depot : ");
        assertThat(experience.steps()).extracting(ExperienceAnswers.StepRow::withAgent).containsExactly(21L, 30L, 3L, 1L, 0L);

        // not an owner of it: mediation-service's 403
        Throwable refused = catchThrowable(() -> as(DemoUser.CAMILLE, () -> mediation.procedureExperience("aide-logement", null)));
        assertThat(refused).isInstanceOf(WebApplicationException.class);
        assertThat(((WebApplicationException) refused).getResponse().getStatus()).isEqualTo(403);
        assertThat(ExperienceMessages.ownerFailure(refused, ExperienceMessages.MODERATION_REFUSED)).isEqualTo(ExperienceMessages.MODERATION_REFUSED);
    }

    @Test
    void aModerationAndAnAnswerAreSentAsTheContractSays() {
        UUID comment = UUID.randomUUID();
        ExperienceAnswers.Comment moderated = as(DemoUser.OLGA, () -> mediation.moderate(comment, new ExperienceAnswers.Moderation("publish")));
        assertThat(moderated.status()).isEqualTo("published");
        assertThat(MediationServiceStub.MODERATIONS.get(comment)).isEqualTo("publish");

        ExperienceAnswers.Answer answer = as(DemoUser.OLGA, () -> mediation.answer("aide-logement",
                OwnerPages.draft("La version 2 réunit les deux premières étapes.", "2")));
        assertThat(answer.changedInVersion()).isEqualTo(2);
        assertThat(answer.answeredOn()).isEqualTo(LocalDate.parse("2026-03-06"));
        JsonNode sent = MediationServiceStub.ANSWERS_RECEIVED.get(MediationServiceStub.ANSWERS_RECEIVED.size() - 1);
        assertThat(sent.path("text").asText()).isEqualTo("La version 2 réunit les deux premières étapes.");
        assertThat(sent.path("changedInVersion").asInt()).isEqualTo(2);
    }

    @Test
    void transparenceIsReachableWithoutASessionAndIsReadFromMediationServiceWithoutAnyToken() {
        MediationServiceStub.PUBLIC_AUTHORIZATIONS.clear();
        var response = given().redirects().follow(false).accept(BROWSER).when().get("/transparence").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/html")).extract();
        String page = response.asString();
        assertThat(page).contains("<html lang=\"fr\">", "<h1>Ce que vivent les usagers de nos démarches</h1>", "Aide logement",
                "1 parcours type non affiché : moins de 10 parcours : masqué pour protéger l&#39;anonymat.",
                "Clair et rapide.", "La version 2 réunit deux étapes.", "Pris en compte dans la version 2 de la démarche.",
                "href=\"/transparence/donnees.csv\"", "href=\"/transparence/donnees.json\"")
                .doesNotContain("name=\"csrf\"", "/deconnexion");
        assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(response.cookies()).as("no session is started for a visitor").isEmpty();

        // a caller with a token gets the same page, and her token still does not go to the public read
        given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.CAMILLE)).accept(BROWSER).when().get("/transparence")
                .then().statusCode(200);
        assertThat(MediationServiceStub.PUBLIC_AUTHORIZATIONS).hasSize(2).allMatch(String::isEmpty);
    }

    @Test
    void whenTheFiguresCannotBeReadTheTransparencePageSaysSo() {
        MediationServiceStub.transparencyDown = true;
        try {
            String page = given().accept(BROWSER).when().get("/transparence").then().statusCode(503)
                    .contentType(org.hamcrest.Matchers.startsWith("text/html")).extract().asString();
            assertThat(page).contains("id=\"indisponible\"", "ne peuvent pas être affichés pour le moment", "href=\"/transparence/donnees.csv\"");
        } finally {
            MediationServiceStub.transparencyDown = false;
        }
    }

    @Test
    void theOpenDataIsMediationServicesUnchangedWithItsTypeAndADatedFileName() {
        MediationServiceStub.PUBLIC_AUTHORIZATIONS.clear();
        String today = LocalDate.now(ZoneId.of("Europe/Paris")).toString();
        var csv = given().accept(BROWSER).when().get("/transparence/donnees.csv").then().statusCode(200).extract();
        assertThat(csv.contentType().replace(" ", "").toLowerCase()).isEqualTo("text/csv;charset=utf-8");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=relais-experience-" + today + ".csv");
        assertThat(new String(csv.asByteArray(), StandardCharsets.UTF_8)).isEqualTo(MediationServiceStub.OPEN_DATA_CSV);

        var json = given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.CAMILLE)).when().get("/transparence/donnees.json")
                .then().statusCode(200).extract();
        assertThat(json.contentType()).startsWith("application/json");
        assertThat(json.header("Content-Disposition")).isEqualTo("attachment; filename=relais-experience-" + today + ".json");
        assertThat(new String(json.asByteArray(), StandardCharsets.UTF_8)).isEqualTo(MediationServiceStub.OPEN_DATA_JSON);
        assertThat(MediationServiceStub.PUBLIC_AUTHORIZATIONS).hasSize(2).allMatch(String::isEmpty);
    }

    @Test
    void theOwnersPagesNeedASignedInSessionAndNeverRenderForABearerToken() {
        for (String page : List.of("/proprietaire", "/proprietaire/aide-logement")) {
            io.restassured.response.Response anonymous = given().redirects().follow(false).accept(BROWSER).get(page);
            assertThat(anonymous.statusCode()).as(page).isIn(302, 303);
            assertThat(anonymous.header("Location")).as(page).contains("/realms/relais/");
            io.restassured.response.Response bearer = given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.OLGA))
                    .redirects().follow(false).accept(BROWSER).get(page);
            assertThat(bearer.statusCode()).as(page).isNotEqualTo(200);
        }
    }

    @Test
    void theSitesPageShowsEachSitesWorkloadAndTrainingNeedsInFrenchReadWithTheCallersOwnToken() {
        MediationServiceStub.SITES_DAYS.clear();
        Response response = as(DemoUser.OLGA, Set.of("ops"), () -> operations.sites());

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(MediationServiceStub.SITES_DAYS).as("the period asked, with Olga's own token (the stub refuses any other)")
                .containsExactly("90");
        String html = ((TemplateInstance) response.getEntity()).render();
        assertThat(html).contains("<h1>Charge des sites et besoins de formation</h1>", "Parcours pris en charge depuis le 1 janvier 2026.",
                "<caption id=\"charge-legende\">", "<th scope=\"col\">Parcours pris en charge</th>", "<th scope=\"col\">Heures-agent</th>",
                "<th scope=\"col\">Attente moyenne après un passage de relais (minutes)</th>",
                // the site's name from appointment-service's list; a site it does not know keeps its id
                "<th scope=\"row\">France Services Aubervilliers</th><td>42</td><td>57</td><td>19</td>\n          <td>3,0</td><td>12,5</td>",
                "<th scope=\"row\">tel-national</th><td>15</td><td>15</td><td>10</td>\n          <td>1,5</td><td>—</td>",
                "1 lieu non affiché : moins de 10 parcours : masqué pour protéger l&#39;anonymat.",
                "<h2 id=\"titre-besoins\">Besoins de formation</h2>",
                "<li>Liste des pièces justificatives (4 signalements)</li><li>Accueil en langue étrangère ou interprétariat (1 signalement)</li>",
                "<p id=\"besoins-lieu-2-aucun\">Aucune difficulté signalée sur la période.</p>",
                "<a href=\"/exploitation/sites\">Charge des sites</a>")
                .doesNotContain("missing-document", ">language<", "null", "<td>fs-aubervilliers</td>");
    }

    @Test
    void theSitesPageIsForOpsOnlyAndMediationServicesRefusalIsAFrenchPage() {
        // a session without the ops role: refused before any call, as the owners' pages refuse a session without their roles
        int asked = MediationServiceStub.SITES_DAYS.size();
        Throwable notOps = catchThrowable(() -> as(DemoUser.INES, Set.of("procedure-owner"), () -> operations.sites()));
        assertThat(notOps).isInstanceOf(io.quarkus.security.ForbiddenException.class);
        Throwable notOwner = catchThrowable(() -> as(DemoUser.INES, Set.of("procedure-owner"), () -> owners.home()));
        assertThat(notOwner).as("the owners' pages need no ops role").isNull();
        Throwable citizen = catchThrowable(() -> as(DemoUser.CAMILLE, Set.of("citizen"), () -> owners.home()));
        assertThat(citizen).as("the owners' pages refuse the same way").isInstanceOf(io.quarkus.security.ForbiddenException.class);
        assertThat(MediationServiceStub.SITES_DAYS).hasSize(asked);

        // mediation-service has the last word: its 403 (a token without ops nor admin) is a French page, not a problem
        Response refused = as(DemoUser.INES, Set.of("ops"), () -> operations.sites());
        assertThat(refused.getStatus()).isEqualTo(403);
        String page = ((TemplateInstance) refused.getEntity()).render();
        assertThat(page).contains("<html lang=\"fr\">", "<h1>Charge des sites et besoins de formation</h1>",
                "<p class=\"alerte\" role=\"alert\" id=\"refus\">Ces chiffres sont réservés à l&#39;exploitation : votre compte n&#39;y a pas accès.")
                .doesNotContain("<table", "forbidden", "problem");
        Throwable direct = catchThrowable(() -> as(DemoUser.INES, () -> mediation.sites(90)));
        assertThat(((WebApplicationException) direct).getResponse().getStatus()).isEqualTo(403);

        // mediation-service down: a page saying to come back later
        MediationServiceStub.sitesDown = true;
        try {
            Response down = as(DemoUser.OLGA, Set.of("ops"), () -> operations.sites());
            assertThat(down.getStatus()).isEqualTo(503);
            assertThat(((TemplateInstance) down.getEntity()).render())
                    .contains("Les chiffres des sites ne peuvent pas être affichés pour le moment").doesNotContain("<table");
        } finally {
            MediationServiceStub.sitesDown = false;
        }
    }

    @Test
    void theSitesPageNeedsASignedInSessionAndCarriesThePagesSecurityHeaders() {
        io.restassured.response.Response anonymous = given().redirects().follow(false).accept(BROWSER).get("/exploitation/sites");
        assertThat(anonymous.statusCode()).isIn(302, 303);
        assertThat(anonymous.header("Location")).contains("/realms/relais/");
        assertThat(anonymous.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(anonymous.header("X-Frame-Options")).isEqualTo("DENY");
        io.restassured.response.Response bearer = given().auth().oauth2(KeycloakTokens.accessToken(DemoUser.OLGA))
                .redirects().follow(false).accept(BROWSER).get("/exploitation/sites");
        assertThat(bearer.statusCode()).isNotEqualTo(200);
    }

    private static UUID journeyWithSurvey(boolean open, boolean answered) {
        UUID journey = UUID.randomUUID();
        MediationServiceStub.SURVEYS.put(journey, new MediationServiceStub.SurveyState(open, answered));
        return journey;
    }

    private static MultivaluedMap<String, String> form(String easy, String help, String feeling, String comment) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("csrf", "jeton");
        form.add("easyToUnderstand", easy);
        form.add("helpWhenNeeded", help);
        form.add("feelingComparedToBefore", feeling);
        form.add("comment", comment);
        return form;
    }

    /**
     * Runs a page's call as {@code user} signed in (null: nobody): a request whose identity carries the user's access
     * token, as the web tenant makes it from the session cookie.
     */
    private <T> T as(DemoUser user, Supplier<Uni<T>> call) {
        return as(user, Set.of(), call);
    }

    /** The same with the roles the web tenant read from the user's token, for a page whose roles are checked. */
    private <T> T as(DemoUser user, Set<String> roles, Supplier<Uni<T>> call) {
        ManagedContext request = Arc.container().requestContext();
        request.activate();
        try {
            identities.setIdentity(user == null ? QuarkusSecurityIdentity.builder().setAnonymous(true).build()
                    : QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(user.username())).addRoles(roles)
                    .addCredential(new AccessTokenCredential(KeycloakTokens.accessToken(user))).build());
            return call.get().await().atMost(Duration.ofSeconds(15));
        } finally {
            request.terminate();
        }
    }
}
