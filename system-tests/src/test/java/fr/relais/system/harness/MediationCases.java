package fr.relais.system.harness;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.UUID;

import static fr.relais.testsupport.DemoUser.MAYA;

/** The mediators' queue as maya (pool 93) sees it through the gateway. */
public final class MediationCases {

    private MediationCases() {
    }

    /** The journey's case in maya's queue, or null while there is none. */
    public static JsonNode caseOf(UUID journey) {
        for (JsonNode c : Api.as(MAYA).get("/api/mediation/cases").expect(200)) {
            if (c.get("journeyId").asText().equals(journey.toString())) {
                return c;
            }
        }
        return null;
    }
}
