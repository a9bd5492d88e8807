package fr.relais.gateway.api;

import fr.relais.gateway.commands.CommandIds;
import fr.relais.gateway.commands.RequestFingerprints;
import fr.relais.problem.Problem;
import fr.relais.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;

/**
 * An Idempotency-Key stands for one request: the same method, path and body. A retry of that request goes through
 * (and is answered with its outcome); the key reused on any other request is refused with a 422 problem.
 */
public class IdempotencyKeyCheck {

    private static final String FIRST_USE = IdempotencyKeyCheck.class.getName() + ".first";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    RequestFingerprints fingerprints;

    @ServerRequestFilter(readBody = true)
    public Uni<Response> sameRequest(ContainerRequestContext request, ResourceInfo endpoint) throws IOException {
        String key = request.getHeaderString(CommandIds.IDEMPOTENCY_KEY);
        if (key == null || key.isBlank() || identity.isAnonymous() || token.getSubject() == null) {
            return Uni.createFrom().nullItem();
        }
        byte[] body = new byte[0];
        // only an endpoint that takes a body has it read before filters (readBody); any other body means nothing to it
        InputStream entity = takesBody(endpoint) ? request.getEntityStream() : null;
        if (entity != null) {
            body = entity.readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(body)); // read once here, again by the endpoint
        }
        String scope = RequestFingerprints.scope(token.getSubject(), key);
        String fingerprint = RequestFingerprints.fingerprint(request.getMethod(), request.getUriInfo().getPath(), body);
        String path = request.getUriInfo().getPath();
        return fingerprints.use(scope, fingerprint).map(use -> switch (use) {
            case CONFLICTING -> Problem.response(422, "idempotency-key-reused", "Idempotency-Key already used",
                    "this Idempotency-Key was used for another request (method, path or body); use a new key for a new request",
                    path);
            case FIRST -> {
                request.setProperty(FIRST_USE, new String[]{scope, fingerprint});
                yield null;
            }
            case REPEATED -> null;
        }).onFailure(ProblemException.class).recoverWithItem(e -> {
            ProblemException problem = (ProblemException) e;
            return Problem.response(problem.status(), problem.type(), problem.title(), problem.getMessage(), path);
        });
    }

    /** The entity parameter of JAX-RS: the one parameter without an annotation. */
    private static boolean takesBody(ResourceInfo endpoint) {
        Method method = endpoint.getResourceMethod();
        if (method == null) {
            return false;
        }
        for (Annotation[] annotations : method.getParameterAnnotations()) {
            if (annotations.length == 0) {
                return true;
            }
        }
        return false;
    }

    /** A first use refused as bad input (nothing was sent) does not hold the key: the corrected request may use it. */
    @ServerResponseFilter
    public Uni<Void> releaseRefused(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 400 && request.getProperty(FIRST_USE) instanceof String[] first) {
            // the answer is already decided: a database that fails here only leaves the key held until it expires
            return fingerprints.forget(first[0], first[1]).onFailure().recoverWithNull();
        }
        return Uni.createFrom().voidItem();
    }
}
