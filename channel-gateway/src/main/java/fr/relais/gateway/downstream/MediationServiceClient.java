package fr.relais.gateway.downstream;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.UUID;

/**
 * mediation-service's mediator API, called with the caller's own token: claiming a case is a decision only
 * mediation-service can take, and the mediator must hear it at once. Answers are read into the gateway's own records
 * ({@link MediationAnswers}). The experience calls (issue 21: the end-of-journey survey, agents' difficulties, a procedure's
 * aggregates, moderation and answers for its owners) are read into {@link ExperienceAnswers}; the public aggregates, read
 * without any token, are {@link PublicExperienceClient}'s.
 */
@RegisterRestClient(configKey = "mediation-service")
@RegisterClientHeaders
@Timeout
@CircuitBreaker
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface MediationServiceClient {

    @GET
    @Retry
    @Path("/cases/queue")
    Uni<List<MediationAnswers.Case>> queue(@QueryParam("pool") String pool);

    /** The cases about the caller's own journeys (her data export), as mediation-service sends them. */
    @GET
    @Retry
    @Path("/cases/mine")
    Uni<com.fasterxml.jackson.databind.JsonNode> myCases();

    @GET
    @Retry
    @Path("/cases/{id}")
    Uni<MediationAnswers.CaseDetail> caseDetail(@PathParam("id") UUID id);

    /** @param action claim, contacts or resolve */
    @POST
    @Path("/cases/{id}/{action}")
    Uni<MediationAnswers.Case> act(@PathParam("id") UUID id, @PathParam("action") String action, JsonNode body);

    @GET
    @Retry
    @Path("/journeys/{journeyId}/friction")
    Uni<MediationAnswers.Friction> friction(@PathParam("journeyId") UUID journeyId);

    @GET
    @Retry
    @Path("/statistics")
    Uni<MediationAnswers.Statistics> statistics(@QueryParam("days") Integer days);

    @GET
    @Retry
    @Path("/experience/journeys/{journeyId}/survey")
    Uni<ExperienceAnswers.SurveyState> surveyState(@PathParam("journeyId") UUID journeyId);

    @POST
    @Path("/experience/journeys/{journeyId}/survey")
    Uni<ExperienceAnswers.SurveyRecorded> answerSurvey(@PathParam("journeyId") UUID journeyId, ExperienceAnswers.Survey survey);

    @POST
    @Path("/experience/journeys/{journeyId}/flags")
    Uni<ExperienceAnswers.Flag> flag(@PathParam("journeyId") UUID journeyId, ExperienceAnswers.Flag flag);

    /** @param days the period, mediation-service's default (90) when null */
    @GET
    @Retry
    @Path("/experience/procedures/{procedureId}")
    Uni<ExperienceAnswers.ProcedureExperience> procedureExperience(@PathParam("procedureId") String procedureId,
                                                                   @QueryParam("days") Integer days);

    /** The sites' workload and training needs (ops and admin); @param days the period, mediation-service's default (90) when null */
    @GET
    @Retry
    @Path("/experience/sites")
    Uni<ExperienceAnswers.SiteWorkload> sites(@QueryParam("days") Integer days);

    @POST
    @Path("/experience/comments/{id}/moderation")
    Uni<ExperienceAnswers.Comment> moderate(@PathParam("id") UUID commentId, ExperienceAnswers.Moderation moderation);

    @POST
    @Path("/experience/procedures/{procedureId}/answers")
    Uni<ExperienceAnswers.Answer> answer(@PathParam("procedureId") String procedureId, ExperienceAnswers.AnswerDraft answer);
}
