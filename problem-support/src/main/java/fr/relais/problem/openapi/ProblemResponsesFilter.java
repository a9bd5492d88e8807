package fr.relais.problem.openapi;

import fr.relais.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Documents the problem answers (RFC 9457, {@code application/problem+json}) of every operation of a Relais service
 * by rule, so no resource repeats them:
 * <ul>
 *   <li>401 and 403 where the operation is secured (a token, then a role or a reason);</li>
 *   <li>404 where the path names a resource ({@code {id}});</li>
 *   <li>400 where the caller sends a body, query or header parameters, which may be malformed;</li>
 *   <li>422 where an Idempotency-Key is accepted (the key reused for another request);</li>
 *   <li>any other refusal (409, 429, a 404 on a path without an id…) is declared by its code alone,
 *       {@code @APIResponse(responseCode = "409")}, and becomes the shared problem response here.</li>
 * </ul>
 * A refusal an operation describes with content of its own (a page answering with HTML) is left as it is.
 * Every service that uses problem-support gets this filter: Quarkus finds it in the index.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    @Override
    public void filterOpenAPI(OpenAPI document) {
        if (document.getPaths() == null || document.getPaths().getPathItems() == null) {
            return;
        }
        boolean securedByDefault = document.getSecurity() != null && !document.getSecurity().isEmpty();
        Set<Refusal> used = EnumSet.noneOf(Refusal.class);
        for (Map.Entry<String, PathItem> path : document.getPaths().getPathItems().entrySet()) {
            for (Operation operation : path.getValue().getOperations().values()) {
                used.addAll(describe(path.getKey(), operation, securedByDefault));
            }
        }
        declare(document, used);
    }

    /** Adds the refusals that apply to the operation by rule; returns the shared responses it refers to. */
    static Set<Refusal> describe(String path, Operation operation, boolean securedByDefault) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        Set<Refusal> applying = EnumSet.noneOf(Refusal.class);
        if (secured(operation, securedByDefault)) {
            applying.add(Refusal.UNAUTHORIZED);
            applying.add(Refusal.FORBIDDEN);
        }
        if (path.contains("{")) {
            applying.add(Refusal.NOT_FOUND);
        }
        if (operation.getRequestBody() != null || parameters(operation).stream().anyMatch(p -> p.getIn() != Parameter.In.PATH)) {
            applying.add(Refusal.BAD_REQUEST);
        }
        if (parameters(operation).stream().anyMatch(ProblemResponsesFilter::isIdempotencyKey)) {
            applying.add(Refusal.UNPROCESSABLE);
        }
        for (Refusal refusal : applying) {
            if (!responses.hasAPIResponse(refusal.code)) {
                responses.addAPIResponse(refusal.code, OASFactory.createAPIResponse());
            }
        }
        Set<Refusal> used = EnumSet.noneOf(Refusal.class);
        for (String code : List.copyOf(responses.getAPIResponses().keySet())) {
            APIResponse response = responses.getAPIResponse(code);
            if (code.startsWith("4") && isBare(response)) {
                Optional<Refusal> shared = Refusal.of(code);
                if (shared.isPresent()) {
                    responses.addAPIResponse(code, OASFactory.createAPIResponse().ref(shared.get().ref()));
                    used.add(shared.get());
                } else {
                    response.content(problemContent());
                }
            }
        }
        return used;
    }

    /** A security requirement of its own or the document's; or a 401 Quarkus' automatic security already added. */
    private static boolean secured(Operation operation, boolean securedByDefault) {
        if (operation.getSecurity() != null) {
            return !operation.getSecurity().isEmpty();
        }
        return securedByDefault || (operation.getResponses() != null && operation.getResponses().hasAPIResponse("401"));
    }

    private static boolean isIdempotencyKey(Parameter parameter) {
        return parameter.getIn() == Parameter.In.HEADER && IDEMPOTENCY_KEY.equalsIgnoreCase(parameter.getName());
    }

    private static List<Parameter> parameters(Operation operation) {
        return operation.getParameters() == null ? List.of() : operation.getParameters();
    }

    /** Declared by its code alone (or added by Quarkus with a bare description): it says nothing of its body yet. */
    private static boolean isBare(APIResponse response) {
        return response.getRef() == null && (response.getContent() == null || response.getContent().getMediaTypes() == null
                || response.getContent().getMediaTypes().isEmpty());
    }

    /** The Problem schema (any bare 4xx refers to it, shared or not) and the shared responses the operations use. */
    private static void declare(OpenAPI document, Set<Refusal> used) {
        Components components = document.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            document.setComponents(components);
        }
        components.addSchema(ProblemSchema.NAME, ProblemSchema.create());
        for (Refusal refusal : used) {
            components.addResponse(refusal.name, OASFactory.createAPIResponse().description(refusal.description).content(problemContent()));
        }
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problemContent() {
        return OASFactory.createContent().addMediaType(Problem.PROBLEM_JSON,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(ProblemSchema.REF)));
    }
}
