package fr.relais.system.scenarios;

import fr.relais.system.harness.Api;
import fr.relais.system.harness.Journeys;
import fr.relais.system.harness.ProxyVoteWalk;
import fr.relais.system.harness.RelaisSystem;
import fr.relais.system.harness.Reply;
import fr.relais.testsupport.KeycloakTokens;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static fr.relais.testsupport.DemoUser.AGNES;
import static fr.relais.testsupport.DemoUser.CAMILLE;
import static fr.relais.testsupport.DemoUser.MOHAMED;
import static fr.relais.testsupport.DemoUser.PAUL;
import static fr.relais.testsupport.DemoUser.SOFIANE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Who may see and touch what, checked through the public API with real tokens. */
@ExtendWith(RelaisSystem.class)
@Order(40)
class SecurityTest {

    @Test
    void aCitizenCannotSeeAnothersJourneyNorLearnThatItExists() {
        UUID camilles = Journeys.start(CAMILLE, "aide-logement");
        Reply other = Api.as(MOHAMED).get("/api/portal/journeys/" + camilles);
        Reply unknown = Api.as(MOHAMED).get("/api/portal/journeys/" + UUID.randomUUID());
        assertThat(other.status()).isEqualTo(404);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(Api.as(MOHAMED).get("/api/portal/journeys/" + camilles + "/access-log").status()).isEqualTo(404);
        Reply act = Api.as(MOHAMED).post("/api/portal/journeys/" + camilles + "/steps/situation",
                Map.of("answers", Map.of("situation-familiale", "seul")));
        assertThat(act.status()).as(act.raw()).isIn(403, 404);
        assertThat(Api.as(MOHAMED).get("/api/portal/journeys").raw()).doesNotContain(camilles.toString());
    }

    @Test
    void anAgentOfSiteBCannotClaimFromSiteAsQueueNorReadWithoutAReason() {
        UUID journey = Journeys.start(CAMILLE, "changement-adresse");
        Api.as(CAMILLE).post("/api/portal/journeys/" + journey + "/handoff",
                Map.of("channel", "desk", "site", "fs-aubervilliers", "reason", "needs-help")).expect(200);
        await("in site A's queue").atMost(Duration.ofSeconds(10))
                .until(() -> ProxyVoteWalk.queue(Api.as(AGNES).get("/api/desk/queue").expect(200)).contains(journey.toString()));
        assertThat(ProxyVoteWalk.queue(Api.as(SOFIANE).get("/api/desk/queue").expect(200))).doesNotContain(journey.toString());

        Reply read = Api.as(SOFIANE).get("/api/desk/journeys/" + journey);
        assertThat(read.status()).as(read.raw()).isEqualTo(403);
        Reply claim = Api.as(SOFIANE).post("/api/desk/journeys/" + journey + "/claim", Map.of());
        assertThat(claim.status()).as(claim.raw()).isEqualTo(403);
        // the agent of site A has a reason (handed off to her site) and may read
        assertThat(Journeys.read(AGNES, "desk", journey).get("accessReason").asText()).isEqualTo("handoff-to-site");
        assertThat(Api.as(CAMILLE).get("/api/portal/journeys/" + journey + "/access-log").raw())
                .contains("handoff-to-site").doesNotContain("fs-saint-denis");
    }

    @Test
    void wrongRoleExpiredTokenAndNoTokenAreRefused() {
        assertThat(Api.anonymous().get("/api/portal/journeys").status()).isEqualTo(401);
        assertThat(Api.anonymous().post("/api/portal/journeys", Map.of("procedureId", "aide-logement")).status()).isEqualTo(401);
        assertThat(Api.withToken("not-a-jwt").get("/api/portal/journeys").status()).isEqualTo(401);
        assertThat(Api.withToken(tampered(KeycloakTokens.accessToken(CAMILLE))).get("/api/portal/journeys").status()).isEqualTo(401);
        String shortLived = KeycloakTokens.shortLivedAccessToken(CAMILLE);
        assertThat(Api.withToken(shortLived).get("/api/portal/journeys").status()).isEqualTo(200);
        await("Camille's 5-second token refused once expired").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Api.withToken(shortLived).get("/api/portal/journeys").status() == 401);

        assertThat(Api.as(CAMILLE).get("/api/desk/queue").status()).isEqualTo(403);
        assertThat(Api.as(CAMILLE).get("/api/phone/queue").status()).isEqualTo(403);
        assertThat(Api.as(CAMILLE).get("/api/mediation/cases").status()).isEqualTo(403);
        assertThat(Api.as(AGNES).post("/api/portal/journeys", Map.of("procedureId", "aide-logement")).status()).isEqualTo(403);
        assertThat(Api.as(PAUL).get("/api/desk/queue").status()).isEqualTo(403);
        assertThat(Api.as(AGNES).post("/api/phone/verify", Map.of("resumeCode", "ABCDEFGH", "checkValue", "1984-03-12")).status())
                .isEqualTo(403);
    }

    /** Same header and claims, one character of the signature changed. */
    private static String tampered(String jwt) {
        char last = jwt.charAt(jwt.length() - 2);
        return jwt.substring(0, jwt.length() - 2) + (last == 'A' ? 'B' : 'A') + jwt.charAt(jwt.length() - 1);
    }
}
