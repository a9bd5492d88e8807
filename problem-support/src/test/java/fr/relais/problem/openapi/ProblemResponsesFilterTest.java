package fr.relais.problem.openapi;

import fr.relais.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules by which an operation gets its problem responses. */
class ProblemResponsesFilterTest {

    @Test
    void aSecuredOperationMayBeUnauthorizedOrForbidden() {
        Operation operation = OASFactory.createOperation().security(List.of(OASFactory.createSecurityRequirement().addScheme("oidc")));
        assertThat(codes(filtered("/api/me", operation))).containsExactly("401", "403");
    }

    @Test
    void anOpenOperationGetsNoAuthenticationRefusals() {
        Operation operation = OASFactory.createOperation().security(List.of());
        assertThat(codes(filtered("/health", operation))).isEmpty();
    }

    @Test
    void aPathNamingAResourceMayBeNotFound() {
        assertThat(codes(filtered("/journeys/{id}", OASFactory.createOperation()))).containsExactly("404");
    }

    @Test
    void aBodyOrQueryOrHeaderParameterMayBeABadRequest() {
        assertThat(codes(filtered("/notes", OASFactory.createOperation().requestBody(OASFactory.createRequestBody())))).containsExactly("400");
        assertThat(codes(filtered("/slots", OASFactory.createOperation().addParameter(parameter(Parameter.In.QUERY, "from"))))).containsExactly("400");
        assertThat(codes(filtered("/journeys/{id}", OASFactory.createOperation().addParameter(parameter(Parameter.In.PATH, "id")))))
                .containsExactly("404");
    }

    @Test
    void anIdempotencyKeyMayBeReusedForAnotherRequest() {
        Operation operation = OASFactory.createOperation().addParameter(parameter(Parameter.In.HEADER, "idempotency-key"));
        assertThat(codes(filtered("/commands", operation))).containsExactly("400", "422");
    }

    @Test
    void aRefusalDeclaredByItsCodeAloneBecomesTheSharedProblem() {
        Operation operation = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("409", OASFactory.createAPIResponse())
                .addAPIResponse("410", OASFactory.createAPIResponse().description("The hold expired")));
        OpenAPI document = document("/holds", operation);
        new ProblemResponsesFilter().filterOpenAPI(document);

        APIResponses responses = operation.getResponses();
        assertThat(responses.getAPIResponse("409").getRef()).isEqualTo("#/components/responses/Conflict");
        assertThat(document.getComponents().getResponses().get("Conflict").getContent().getMediaType(Problem.PROBLEM_JSON)
                .getSchema().getRef()).isEqualTo("#/components/schemas/Problem");
        // no shared response for a 410: it keeps its description and gets the problem body
        assertThat(responses.getAPIResponse("410").getDescription()).isEqualTo("The hold expired");
        assertThat(responses.getAPIResponse("410").getContent().getMediaType(Problem.PROBLEM_JSON).getSchema().getRef())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(document.getComponents().getSchemas()).containsKey("Problem");
    }

    @Test
    void aRefusalWithItsOwnContentIsLeftAlone() {
        Operation operation = OASFactory.createOperation().requestBody(OASFactory.createRequestBody())
                .responses(OASFactory.createAPIResponses().addAPIResponse("422", OASFactory.createAPIResponse()
                        .description("The step again, with its errors")
                        .content(OASFactory.createContent().addMediaType("text/html", OASFactory.createMediaType()))));
        filtered("/steps/{id}", operation);
        assertThat(operation.getResponses().getAPIResponse("422").getContent().getMediaType("text/html")).isNotNull();
        assertThat(operation.getResponses().getAPIResponse("422").getRef()).isNull();
    }

    @Test
    void theProblemSchemaNamesTheMembersOfTheProblemRecord() {
        Set<String> members = new TreeSet<>();
        Arrays.stream(Problem.class.getRecordComponents()).map(component -> component.getName())
                .filter(name -> !"extensions".equals(name)) // extension members stand at the top level, any name
                .forEach(members::add);
        assertThat(new TreeSet<>(ProblemSchema.create().getProperties().keySet())).isEqualTo(members);
        assertThat(ProblemSchema.create().getAdditionalPropertiesBoolean()).isTrue();
    }

    private static Parameter parameter(Parameter.In in, String name) {
        return OASFactory.createParameter().in(in).name(name);
    }

    private static OpenAPI document(String path, Operation operation) {
        return OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem(path, OASFactory.createPathItem().POST(operation)));
    }

    private static APIResponses filtered(String path, Operation operation) {
        new ProblemResponsesFilter().filterOpenAPI(document(path, operation));
        return operation.getResponses();
    }

    private static List<String> codes(APIResponses responses) {
        return responses.getAPIResponses().entrySet().stream()
                .peek(response -> assertThat(response.getValue().getRef()).startsWith("#/components/responses/"))
                .map(response -> response.getKey()).sorted().toList();
    }
}
