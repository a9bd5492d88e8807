package fr.relais.mediation.api;

import fr.relais.mediation.experience.ExperienceCaller;
import fr.relais.mediation.experience.SurveyForm;
import fr.relais.mediation.experience.Surveys;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.UUID;

/**
 * A journey's survey and agents' flags: the citizen answers on the portal, an agent records what the citizen said at
 * the desk or on the phone, agents flag what was hard for them. Who may do what: {@code JourneyAccessRules}.
 */
@Path("/experience/journeys/{journeyId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class JourneyExperienceResource {

    @Inject
    Surveys surveys;

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @GET
    @Path("/survey")
    @RolesAllowed({"citizen", "counter-agent", "phone-agent", "mediator"})
    public Uni<Surveys.SurveyState> survey(@PathParam("journeyId") UUID journeyId) {
        return surveys.state(ExperienceCaller.of(identity, token), journeyId);
    }

    @POST
    @Path("/survey")
    @RolesAllowed({"citizen", "counter-agent", "phone-agent", "mediator"})
    public Uni<Response> answer(@PathParam("journeyId") UUID journeyId, SurveyForm form) {
        SurveyForm body = form == null ? new SurveyForm(null, null, null, null, null, null, null) : form;
        return surveys.record(ExperienceCaller.of(identity, token), journeyId, body)
                .map(recorded -> Response.status(Response.Status.CREATED).entity(recorded).build());
    }

    @POST
    @Path("/flags")
    @RolesAllowed({"counter-agent", "phone-agent", "mediator"})
    public Uni<Response> flag(@PathParam("journeyId") UUID journeyId, Surveys.FlagRequest request) {
        return surveys.flag(ExperienceCaller.of(identity, token), journeyId, request)
                .map(flagged -> Response.status(Response.Status.CREATED).entity(flagged).build());
    }
}
