package fr.relais.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.relais.testsupport.ServiceEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public OpenAPI document (as the management interface serves it, where the authorization matrix reads it) describes
 * every operation: a channel tag, what a success answers (a schema, or the page it redirects to) and its refusals as
 * problem details ({@code application/problem+json}, the problem schema).
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Set<String> TAGS = Set.of("portal", "phone", "desk", "appointments", "mediation", "common");
    private static final String PROBLEM_JSON = "application/problem+json";
    /** The only operations open to anyone: the public home page (web.WelcomePage), /transparence and its open data (web.TransparencyPages). */
    private static final Set<String> PUBLIC = Set.of("GET /", "GET /transparence", "GET /transparence/donnees.csv",
            "GET /transparence/donnees.json");

    private static JsonNode document;

    @BeforeAll
    static void read() throws Exception {
        String json = ServiceEndpointsContract.management().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        document = new ObjectMapper().readTree(json);
    }

    @Test
    void theDocumentNamesTheChannelTagsAndTheProblemSchema() {
        List<String> declared = new ArrayList<>();
        document.path("tags").forEach(tag -> declared.add(tag.path("name").asText()));
        assertThat(declared).containsExactlyInAnyOrderElementsOf(TAGS);
        assertThat(document.at("/components/schemas/Problem/properties").has("type")).isTrue();
        assertThat(document.at("/components/schemas/Problem/properties").has("status")).isTrue();
    }

    @Test
    void theTestsStandInsForTheOtherServicesAreNotInTheDocument() {
        List<String> stubs = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(path -> {
            if (path.startsWith("/stub/")) {
                stubs.add(path);
            }
        });
        assertThat(stubs).as("paths of fr.relais.gateway.stub (test sources) in the gateway's OpenAPI document").isEmpty();
    }

    @Test
    void everyOperationHasAChannelTag() {
        List<String> untagged = new ArrayList<>();
        eachOperation((name, operation) -> {
            List<String> tags = new ArrayList<>();
            operation.path("tags").forEach(tag -> tags.add(tag.asText()));
            if (tags.isEmpty() || !TAGS.containsAll(tags)) {
                untagged.add(name + " " + tags);
            }
        });
        assertThat(untagged).isEmpty();
    }

    @Test
    void everyApiOperationSaysWhatItAnswersWithASchema() {
        List<String> missing = new ArrayList<>();
        eachOperation((name, operation) -> {
            if (!isApi(name)) {
                return;
            }
            List<String> successes = codes(operation, code -> code.startsWith("2"));
            if (successes.isEmpty()) {
                missing.add(name + ": no 2xx");
            }
            for (String code : successes) {
                JsonNode response = resolve(operation.path("responses").path(code));
                // only a 202 may carry no body (a signal accepted for later); any other success has a schema
                if (!"202".equals(code) || response.has("content")) {
                    if (!hasSchemas(response)) {
                        missing.add(name + ": " + code + " without a schema");
                    }
                }
            }
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void everyPageSaysWhatItAnswers() {
        List<String> missing = new ArrayList<>();
        eachOperation((name, operation) -> {
            if (isApi(name)) {
                return;
            }
            JsonNode responses = operation.path("responses");
            boolean page = hasSchemas(resolve(responses.path("200")));
            boolean redirect = responses.has("303");
            if (!page && !redirect) {
                missing.add(name);
            }
        });
        assertThat(missing).isEmpty();
    }

    @Test
    void everyOperationDescribesItsRefusalsAsProblems() {
        List<String> wrong = new ArrayList<>();
        eachOperation((name, operation) -> {
            JsonNode responses = operation.path("responses");
            // every operation but the public ones needs a signed-in caller, and a role or a reason; a public one
            // asks for neither, and says so
            for (String code : List.of("401", "403")) {
                if (PUBLIC.contains(name) == responses.has(code)) {
                    wrong.add(name + (PUBLIC.contains(name) ? ": public, yet has a " : ": no ") + code);
                }
            }
            if (PUBLIC.contains(name) && operation.has("security")) {
                wrong.add(name + ": public, yet has a security requirement");
            }
            if (name.contains("{") && !responses.has("404")) {
                wrong.add(name + ": names a resource but has no 404");
            }
            if (isApi(name) && takesIdempotencyKey(operation) && !responses.has("422")) {
                wrong.add(name + ": takes an Idempotency-Key but has no 422 (key reused)");
            }
            if (isApi(name) && operation.has("requestBody") && !responses.has("400")) {
                wrong.add(name + ": takes a body but has no 400");
            }
            for (String code : codes(operation, code -> code.startsWith("4"))) {
                JsonNode content = resolve(responses.path(code)).path("content");
                boolean problem = "#/components/schemas/Problem".equals(content.path(PROBLEM_JSON).path("schema").path("$ref").asText());
                // a page may answer a refusal as a page (the step again with its errors, "no screen for you")
                boolean page = !isApi(name) && content.has("text/html");
                if (!problem && !page) {
                    wrong.add(name + ": " + code + " is not a problem");
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    private static boolean isApi(String operation) {
        return operation.split(" ")[1].startsWith("/api/");
    }

    private static boolean takesIdempotencyKey(JsonNode operation) {
        for (JsonNode parameter : operation.path("parameters")) {
            if ("Idempotency-Key".equalsIgnoreCase(parameter.path("name").asText()) && "header".equals(parameter.path("in").asText())) {
                return true;
            }
        }
        return false;
    }

    private static List<String> codes(JsonNode operation, java.util.function.Predicate<String> which) {
        List<String> codes = new ArrayList<>();
        operation.path("responses").fieldNames().forEachRemaining(code -> {
            if (which.test(code)) {
                codes.add(code);
            }
        });
        return codes;
    }

    /** Every media type of the response has a schema (a reference, or an inline type). */
    private static boolean hasSchemas(JsonNode response) {
        JsonNode content = response.path("content");
        if (content.isEmpty()) {
            return false;
        }
        for (JsonNode media : content) {
            JsonNode schema = media.path("schema");
            if (!schema.has("$ref") && !schema.has("type")) {
                return false;
            }
        }
        return true;
    }

    /** A response, or the shared response it refers to. */
    private static JsonNode resolve(JsonNode response) {
        String ref = response.path("$ref").asText("");
        return ref.startsWith("#/") ? document.at(ref.substring(1)) : response;
    }

    private static void eachOperation(BiConsumer<String, JsonNode> check) {
        Set<String> seen = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(entry -> {
                if (METHODS.contains(entry.getKey())) {
                    String name = entry.getKey().toUpperCase() + " " + path.getKey();
                    seen.add(name);
                    check.accept(name, entry.getValue());
                }
            });
        }
        assertThat(seen).as("operations in the document").hasSizeGreaterThan(50);
    }
}
