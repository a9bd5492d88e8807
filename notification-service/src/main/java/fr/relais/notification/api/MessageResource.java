package fr.relais.notification.api;

import fr.relais.notification.downstream.JourneyAccess;
import fr.relais.notification.service.MessageReads;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.UUID;

/** Messages read back: the citizen's own ("mes messages"), and a journey's for the staff who help with it. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class MessageResource {

    @Inject
    MessageReads reads;

    @Inject
    JsonWebToken token;

    @Inject
    JourneyAccess access;

    /** Her messages: those sent to the person her account is linked to, newest first, with their text. */
    @GET
    @Path("/me/messages")
    @RolesAllowed("citizen")
    public Uni<List<MessageViews.Mine>> mine() {
        return reads.mine(token.getSubject());
    }

    /**
     * Whether a journey's citizen was written to (reminded, told of a call back…): codes and times only, never the
     * text nor where it went, so staff learn what they need to help and nothing about her contact details. Only for
     * staff who may see the journey itself: journey-service decides, with their own token (JourneyAccess).
     */
    @GET
    @Path("/journeys/{id}/messages")
    @RolesAllowed({"counter-agent", "phone-agent", "mediator"})
    public Uni<List<MessageViews.ForStaff>> ofJourney(@PathParam("id") UUID journeyId) {
        return access.require(journeyId, token.getRawToken()).flatMap(allowed -> reads.ofJourney(journeyId));
    }
}
