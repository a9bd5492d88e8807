package fr.relais.gateway.live;

import fr.relais.gateway.config.GatewayConfig;
import fr.relais.gateway.downstream.JourneyServiceClient;
import fr.relais.problem.Problem;
import fr.relais.problem.ProblemException;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Optional;
import java.util.UUID;

/**
 * A live stream of one journey for as long as the caller has a reason to watch it. {@link WatchAuthorization} lets
 * it open; every {@code relais.gateway.live.recheck} journey-service is asked again with the caller's token, and the
 * stream ends at the first refusal (a phone time box over, a mandate withdrawn, a journey released). Any failed
 * re-check ends it, including an expired token or journey-service not answering: the browser's EventSource
 * reconnects, and that new stream is authorised afresh.
 */
@ApplicationScoped
public class Watching {

    @Inject
    SecurityIdentity identity;

    @Inject
    @RestClient
    JourneyServiceClient journeys;

    @Inject
    LiveUpdates live;

    @Inject
    HeldSlot held;

    @Inject
    OpenStreams streams;

    @Inject
    JsonWebToken token;

    @Inject
    GatewayConfig config;

    /**
     * Called from the resource method, after {@link WatchAuthorization} allowed it and took a slot among the caller's
     * streams, freed when the stream ends: a refusal here is still a status.
     */
    public Multi<LiveUpdates.Update> watch(UUID journeyId) {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        OpenStreams.Slot slot = held.take();
        if (slot == null) {
            throw new IllegalStateException("a live stream without the slot WatchAuthorization takes (is the method @Watched?)");
        }
        if (credential == null || credential.getToken() == null) {
            slot.close();
            throw new ProblemException(401, "unauthorized", "Not signed in", "a live stream needs the caller's token");
        }
        String authorization = "Bearer " + credential.getToken();
        Multi<Optional<LiveUpdates.Update>> updates = live.of(journeyId).map(Optional::of);
        Multi<Optional<LiveUpdates.Update>> accessEnded = Multi.createFrom().ticks().every(config.live().recheck())
                .onOverflow().drop()
                .onItem().transformToUniAndConcatenate(tick -> stillAllowed(journeyId, authorization))
                .filter(allowed -> !allowed)
                .map(refused -> Optional.empty());
        // the first "refused" marker completes the stream, which cancels both sources and frees the slot
        return Multi.createBy().merging().streams(updates, accessEnded)
                .select().first(Optional::isPresent)
                .map(Optional::get)
                .onTermination().invoke(slot::close);
    }

    /**
     * Takes a place among the caller's open streams (all instances) for this request, for {@link #watch} to free when
     * the stream ends; a 429 problem when they have none left, a 503 when the database does not answer. Called from
     * {@link WatchAuthorization}, before the stream's headers: a refusal must be a status.
     */
    public Uni<Response> holdSlot(String path) {
        return streams.tryOpen(token.getSubject()).map(slot -> {
            if (slot == null) {
                return Problem.response(429, "too-many-streams", "Too many live streams",
                        "at most " + config.live().maxStreamsPerCaller() + " live streams at once; close one first", path);
            }
            held.hold(slot);
            return (Response) null;
        }).onFailure(ProblemException.class).recoverWithItem(e -> {
            ProblemException problem = (ProblemException) e;
            return Problem.response(problem.status(), problem.type(), problem.title(), problem.getMessage(), path);
        });
    }

    /** Completes when journey-service lets the caller (their token propagated) read the journey now; fails with its refusal. */
    public Uni<Void> mayReadNow(UUID journeyId) {
        return journeys.journey(journeyId).replaceWithVoid();
    }

    private Uni<Boolean> stillAllowed(UUID journeyId, String authorization) {
        return journeys.journeyWithToken(journeyId, authorization).replaceWith(true).onFailure().recoverWithItem(false);
    }
}
