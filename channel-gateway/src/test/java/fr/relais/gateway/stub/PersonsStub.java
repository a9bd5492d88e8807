package fr.relais.gateway.stub;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for journey-service's person records in the gateway's component tests, answering as it does: 201 with the
 * person (identity declared), 400 invalid-person naming each field in French, 409 duplicate-person, 404 person-not-found.
 * The real rules are journey-service's and are met in the system tests.
 */
@Path("/stub/journey/persons")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class PersonsStub {

    /** Family names already recorded: creating one again is a duplicate, searching it finds her. */
    public static final Set<String> RECORDED = ConcurrentHashMap.newKeySet();
    /** Every person created, by family name: the tests check what reached journey-service. */
    public static final Map<String, Map<String, Object>> CREATED = new ConcurrentHashMap<>();
    public static final UUID FOUND = UUID.randomUUID();

    @POST
    public Response create(Map<String, Object> draft) {
        String familyName = String.valueOf(draft.getOrDefault("familyName", ""));
        if (familyName.isBlank() || draft.get("givenNames") == null) {
            return Response.status(400).type("application/problem+json").entity(Map.of("type", "https://relais.example/problems/invalid-person",
                    "title", "Invalid person", "status", 400,
                    "errors", List.of(Map.of("field", "familyName", "message", "nom de famille attendu")))).build();
        }
        if (!RECORDED.add(familyName)) {
            return problem(409, "duplicate-person");
        }
        CREATED.put(familyName, draft);
        return Response.status(201).entity(Map.of("personId", UUID.randomUUID(), "givenNames", draft.get("givenNames"),
                "familyName", familyName, "birthDate", "1951-11-02", "identity", "declared", "hasAccount", false)).build();
    }

    @POST
    @Path("/search")
    public Response search(Map<String, Object> search) {
        if (!RECORDED.contains(String.valueOf(search.get("familyName")))) {
            return problem(404, "person-not-found");
        }
        return Response.ok(Map.of("personId", FOUND, "givenNames", search.get("givenNames"), "familyName", search.get("familyName"),
                "birthDate", "1951-11-02", "identity", "declared", "hasAccount", false, "journeys", List.of())).build();
    }

    static Response problem(int status, String type) {
        return Response.status(status).type("application/problem+json")
                .entity(Map.of("type", "https://relais.example/problems/" + type, "title", type, "status", status)).build();
    }
}
