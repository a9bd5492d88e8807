package fr.relais.system.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.system.harness.Api;
import fr.relais.system.harness.Persons;
import fr.relais.system.harness.Journeys;
import fr.relais.system.harness.RelaisSystem;
import fr.relais.system.harness.Reply;
import fr.relais.testsupport.DemoUser;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.relais.testsupport.DemoUser.AGNES;
import static fr.relais.testsupport.DemoUser.CAMILLE;
import static fr.relais.testsupport.DemoUser.GILLES;
import static fr.relais.testsupport.DemoUser.MOHAMED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A relative acts for the citizen (Aidants Connect-like): at the Guéret desk Mohamed names Camille, who has an account,
 * as his aidant on a change of address; she fills in a step for him online; when Mohamed attaches the journey, his
 * timeline and access log show what she did, as "aidant". Withdrawn, her access ends.
 */
@ExtendWith(RelaisSystem.class)
@Order(13)
class AidantTest {

    @Test
    void aRelativeNamedAtTheDeskFillsAStepOnlineAndTheCitizenSeesItWasHer() {
        Persons.camilleLinked();
        String mohamed = Persons.mohamed(GILLES);
        UUID journey = UUID.fromString(Api.as(GILLES).post("/api/desk/journeys", Map.of("procedureId", "changement-adresse",
                "personId", mohamed), "start-" + UUID.randomUUID()).expect(200).get("journeyId").asText());
        String resumeCode = Api.as(GILLES).get("/api/desk/journeys/" + journey + "/receipt").expect(200).get("resumeCode").asText();

        Reply unknown = Api.as(GILLES).post("/api/desk/journeys/" + journey + "/aidants",
                Map.of("givenNames", "Personne", "familyName", "Inconnue", "birthDate", "01/01/1970"));
        assertThat(unknown.status()).as(unknown.raw()).isEqualTo(404);
        JsonNode named = Api.as(GILLES).post("/api/desk/journeys/" + journey + "/aidants",
                Map.of("givenNames", "Camille", "familyName", "Martin", "birthDate", "12/03/1984", "duration", "ONE_WEEK")).expect(201);
        assertThat(named.get("aidantName").asText()).isEqualTo("Camille Martin");
        Api.as(GILLES).post("/api/desk/journeys/" + journey + "/release", Map.of()).expect(200);

        List<String> followed = new ArrayList<>();
        Api.as(CAMILLE).get("/api/portal/journeys/as-aidant").expect(200).forEach(j -> followed.add(j.get("id").asText()));
        assertThat(followed).contains(journey.toString());
        assertThat(Journeys.read(CAMILLE, "portal", journey).get("accessReason").asText()).isEqualTo("aidant-mandate");
        Journeys.submit(CAMILLE, "portal", journey, "identite", Map.of("nom", "Benali", "prenoms", "Mohamed",
                "date-naissance", "1951-11-02"));

        Api.as(MOHAMED).post("/api/portal/journeys/attach", Map.of("resumeCode", resumeCode, "checkValue", "02/11/1951")).expect(200);
        JsonNode his = Journeys.read(MOHAMED, "portal", journey);
        List<String> roles = new ArrayList<>();
        his.get("timeline").forEach(e -> roles.add(e.path("actorRole").asText()));
        assertThat(roles).contains("counter-agent", "aidant", "citizen");
        assertThat(his.get("mandates").toString()).contains("Camille Martin");
        List<String> log = new ArrayList<>();
        Api.as(MOHAMED).get("/api/portal/journeys/" + journey + "/access-log").expect(200)
                .forEach(e -> log.add(e.get("actorRole").asText() + ":" + e.get("action").asText()));
        assertThat(log).contains("aidant:read", "aidant:submit-step");

        // withdrawn by Mohamed: Camille no longer sees it
        String mandateId = named.get("mandateId").asText();
        Api.as(MOHAMED).delete("/api/portal/journeys/" + journey + "/mandates/" + mandateId).expect(200);
        Reply after = Api.as(CAMILLE).get("/api/portal/journeys/" + journey);
        assertThat(after.status()).as(after.raw()).isEqualTo(404);
    }

}
