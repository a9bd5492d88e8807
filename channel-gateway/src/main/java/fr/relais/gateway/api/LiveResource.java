package fr.relais.gateway.api;

import fr.relais.gateway.live.LiveUpdates;
import fr.relais.gateway.live.Watched;
import fr.relais.gateway.live.Watching;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.util.UUID;

import static fr.relais.gateway.api.OpenApiDocument.*;

/**
 * Server-sent events for one journey: its owner's screen, or the screen of a staff member allowed to read it.
 * journey-service decides, with the caller's token, before the stream opens ({@link Watched}) and again while it
 * stays open ({@link Watching}).
 */
@Tag(name = COMMON)
@Path("/api/journeys")
@Authenticated
public class LiveResource {

    @Inject
    Watching watching;

    @APIResponse(responseCode = "429")
    @GET
    @Path("/{id}/live")
    @Watched
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "Server-sent events, one per change of the journey",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = LiveUpdates.Update.class)))
    public Multi<LiveUpdates.Update> live(@PathParam("id") UUID id) {
        return watching.watch(id);
    }
}
