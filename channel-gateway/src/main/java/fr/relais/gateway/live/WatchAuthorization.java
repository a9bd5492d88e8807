package fr.relais.gateway.live;

import fr.relais.problem.Problem;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.UUID;

/**
 * Who may open a live stream: journey-service decides, with the caller's token, before the stream starts (once
 * its headers are sent, a stream cannot turn into a refusal); then the caller must have a stream left ({@link OpenStreams}). Bound by {@link Watched} to the matched resource
 * methods, so no spelling of the path (a trailing slash, say) slips past it.
 */
public class WatchAuthorization {

    @Inject
    SecurityIdentity identity;

    /** An application-scoped bean, created when first used: a filter is built too early to hold a REST client itself. */
    @Inject
    Watching watching;

    @ServerRequestFilter
    @Watched
    public Uni<Response> mayWatch(ContainerRequestContext request) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().nullItem(); // the security layer answers 401
        }
        UUID journeyId;
        try {
            journeyId = UUID.fromString(request.getUriInfo().getPathParameters().getFirst("id"));
        } catch (RuntimeException notAJourneyId) {
            return Uni.createFrom().item(refusal(404, request));
        }
        return watching.mayReadNow(journeyId)
                .map(allowed -> (Response) null)
                .onFailure(WebApplicationException.class)
                .recoverWithItem(e -> refusal(((WebApplicationException) e).getResponse().getStatus(), request))
                .flatMap(refused -> refused != null ? Uni.createFrom().item(refused) : watching.holdSlot(request.getUriInfo().getPath()));
    }

    private static Response refusal(int status, ContainerRequestContext request) {
        return Problem.response(status, status == 404 ? "not-found" : "http-" + status, "You cannot follow this journey", null,
                request.getUriInfo().getPath());
    }
}
