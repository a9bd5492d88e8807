package fr.relais.gateway.api;

import fr.relais.gateway.downstream.ContactAnswers;
import fr.relais.gateway.downstream.JourneyServiceClient;
import fr.relais.gateway.downstream.NotificationAnswers;
import fr.relais.gateway.downstream.NotificationServiceClient;
import fr.relais.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;

import static fr.relais.gateway.api.OpenApiDocument.PORTAL;

/**
 * The citizen's messages and how she is reached: what Relais sent her (notification-service) and the contact details
 * and consents it sends them by (journey-service), each read or changed with her own token.
 */
@Tag(name = PORTAL)
@Path("/api/portal")
@RolesAllowed("citizen")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PortalMessagesResource {

    @Inject
    @RestClient
    NotificationServiceClient notifications;

    @Inject
    @RestClient
    JourneyServiceClient journeys;

    /** Her messages, newest first, each on one channel with its text as sent. */
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = NotificationAnswers.Message.class)))
    @GET
    @Path("/messages")
    public Uni<List<NotificationAnswers.Message>> messages() {
        return notifications.mine();
    }

    /** Her e-mail, mobile phone, postal address and the channels she accepts messages on. */
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ContactAnswers.MyContact.class)))
    @GET
    @Path("/contact")
    public Uni<ContactAnswers.MyContact> contact() {
        return journeys.myContact();
    }

    /**
     * Replaces her contact and consents (a blank field removes it; an unchecked channel is opted out of). Without a
     * person record yet, her birth date creates one. journey-service checks each field (400 invalid-contact, its
     * errors field by field) and refuses a record that would repeat another (409 duplicate-person).
     */
    @APIResponse(responseCode = "200", description = "Recorded", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ContactAnswers.MyContact.class)))
    @APIResponse(responseCode = "409")
    @PUT
    @Path("/contact")
    public Uni<ContactAnswers.MyContact> changeContact(ContactAnswers.ContactChange body) {
        if (body == null) {
            throw ProblemException.invalidField("body", "your contact details and consents are expected");
        }
        return journeys.changeMyContact(body);
    }
}
