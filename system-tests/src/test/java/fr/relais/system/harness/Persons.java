package fr.relais.system.harness;

import fr.relais.testsupport.DemoUser;

import java.util.Map;
import java.util.UUID;

import static fr.relais.testsupport.DemoUser.AGNES;
import static fr.relais.testsupport.DemoUser.CAMILLE;

/**
 * The demo citizens' person records as DEMO-DATA.md describes them, found or made by an agent (the system databases
 * outlive a local run, and whichever scenario runs first makes them): one way for every scenario, so all agree.
 */
public final class Persons {

    public static final String MOHAMED_BIRTH_DATE = "02/11/1951";
    public static final String CAMILLE_BIRTH_DATE = "12/03/1984";

    private Persons() {
    }

    /**
     * Mohamed's record: no e-mail, his landline for calls (consented), no SMS, letters to 3 place du Marché, Guéret.
     */
    public static String mohamed(DemoUser agent) {
        Reply found = Api.as(agent).post("/api/desk/persons/search",
                Map.of("givenNames", "Mohamed", "familyName", "Benali", "birthDate", MOHAMED_BIRTH_DATE));
        if (found.status() == 200) {
            return found.body().get("personId").asText();
        }
        found.expect(404);
        return Api.as(agent).post("/api/desk/persons", Map.of("givenNames", "Mohamed", "familyName", "Benali",
                        "birthDate", MOHAMED_BIRTH_DATE, "phone", "+33 5 55 12 34 56",
                        "address", Map.of("line", "3 place du Marché", "postcode", "23000", "city", "Guéret"),
                        "consents", Map.of("email", false, "sms", false, "phone", true, "letter", true)))
                .expect(201).get("personId").asText();
    }

    /** Camille's account linked to her person record: found or made at Agnès's desk, then attached with a resume code. */
    public static void camilleLinked() {
        Reply found = Api.as(AGNES).post("/api/desk/persons/search",
                Map.of("givenNames", "Camille", "familyName", "Martin", "birthDate", CAMILLE_BIRTH_DATE));
        if (found.status() == 200 && found.body().path("hasAccount").asBoolean()) {
            return;
        }
        String person = found.status() == 200 ? found.body().get("personId").asText()
                : Api.as(AGNES).post("/api/desk/persons", Map.of("givenNames", "Camille", "familyName", "Martin",
                "birthDate", CAMILLE_BIRTH_DATE)).expect(201).get("personId").asText();
        UUID journey = UUID.fromString(Api.as(AGNES).post("/api/desk/journeys", Map.of("procedureId", "aide-logement",
                "personId", person), "start-" + UUID.randomUUID()).expect(200).get("journeyId").asText());
        String code = Api.as(AGNES).get("/api/desk/journeys/" + journey + "/receipt").expect(200).get("resumeCode").asText();
        Api.as(CAMILLE).post("/api/portal/journeys/attach", Map.of("resumeCode", code, "checkValue", CAMILLE_BIRTH_DATE)).expect(200);
    }
}
