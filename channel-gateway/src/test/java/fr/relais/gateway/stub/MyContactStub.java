package fr.relais.gateway.stub;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for journey-service's {@code /persons/me/contact}: a citizen's contact by her token's subject, no person
 * record until her first change (which then needs a birth date), and its 400 invalid-contact field by field.
 */
@Path("/stub/journey/persons/me/contact")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class MyContactStub {

    public static final Map<String, Map<String, Object>> CONTACTS = new ConcurrentHashMap<>();

    @GET
    public Response mine(@HeaderParam("Authorization") String authorization) {
        JsonNode claims = BearerClaims.of(authorization);
        if (claims.isMissingNode()) {
            return Response.status(401).build();
        }
        Map<String, Object> contact = CONTACTS.get(claims.path("sub").asText());
        return Response.ok(contact != null ? contact
                : Map.of("consents", Map.of("email", false, "sms", false, "letter", false), "hasPerson", false)).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response change(@HeaderParam("Authorization") String authorization, JsonNode change) {
        JsonNode claims = BearerClaims.of(authorization);
        if (claims.isMissingNode()) {
            return Response.status(401).build();
        }
        String subject = claims.path("sub").asText();
        List<Map<String, String>> errors = new ArrayList<>();
        String email = change.path("email").asText("");
        String phone = change.path("phone").asText("");
        if (!email.isBlank() && !email.contains("@")) {
            errors.add(Map.of("field", "email", "message", "adresse e-mail attendue, par exemple nom@example.org"));
        }
        if (change.path("consents").path("sms").asBoolean() && phone.isBlank()) {
            errors.add(Map.of("field", "consents.sms", "message", "un accord pour les SMS demande un numéro de téléphone"));
        }
        if (!CONTACTS.containsKey(subject) && change.path("birthDate").asText("").isBlank()) {
            errors.add(Map.of("field", "birthDate", "message", "date de naissance attendue, par exemple 02/11/1951"));
        }
        if (!errors.isEmpty()) {
            return Response.status(400).type("application/problem+json").entity(Map.of("type",
                    "https://relais.example/problems/invalid-contact", "title", "Invalid contact", "status", 400,
                    "detail", errors.size() + " champ(s) à corriger", "errors", errors)).build();
        }
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("personId", java.util.UUID.nameUUIDFromBytes(subject.getBytes()));
        contact.put("email", email.isBlank() ? null : email);
        contact.put("phone", phone.isBlank() ? null : phone);
        contact.put("consents", Map.of("email", change.path("consents").path("email").asBoolean(),
                "sms", change.path("consents").path("sms").asBoolean(), "letter", change.path("consents").path("letter").asBoolean()));
        contact.put("hasPerson", true);
        contact.values().removeIf(java.util.Objects::isNull);
        CONTACTS.put(subject, contact);
        return Response.ok(contact).build();
    }
}
