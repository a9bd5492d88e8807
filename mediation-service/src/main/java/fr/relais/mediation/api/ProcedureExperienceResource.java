package fr.relais.mediation.api;

import fr.relais.mediation.experience.Dialogue;
import fr.relais.mediation.experience.ExperienceCaller;
import fr.relais.mediation.experience.ProcedureExperience;
import fr.relais.mediation.experience.SiteWorkload;
import fr.relais.mediation.service.MetricLabels;
import fr.relais.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The procedure owner's side: the experience of their procedures (operations and administration see every
 * procedure's), moderation of citizens' comments, public answers. A procedure the caller does not own answers 404, as
 * an unknown one would.
 */
@Path("/experience")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"procedure-owner", "ops", "admin"})
public class ProcedureExperienceResource {

    @Inject
    ProcedureExperience experience;

    @Inject
    Dialogue dialogue;

    @Inject
    SiteWorkload workload;

    @Inject
    MetricLabels labels;

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    Clock clock;

    /** The procedures the caller reads: an owner's own, every known one for operations and administration. */
    @GET
    @Path("/procedures")
    public List<String> procedures() {
        ExperienceCaller caller = ExperienceCaller.of(identity, token);
        return (caller.readsAllProcedures() ? labels.procedureValues() : caller.procedures()).stream()
                .filter(p -> !p.equals(MetricLabels.UNKNOWN) && !p.equals(MetricLabels.OTHER)).sorted().toList();
    }

    /**
     * @param since journeys started from this instant (ISO-8601), e.g. when a new version of the procedure was published;
     *              when absent, the last {@code days} days
     */
    @GET
    @Path("/procedures/{procedureId}")
    public Uni<ProcedureExperience.View> procedure(@PathParam("procedureId") String procedureId,
                                                   @QueryParam("days") @DefaultValue("90") int days,
                                                   @QueryParam("since") String since) {
        readable(procedureId);
        return experience.view(procedureId, since == null ? since(days) : instant(since), clock.instant());
    }

    /** The agents' side per site: workload, wait for an agent, flags read as training needs (operations and administration). */
    @GET
    @Path("/sites")
    public Uni<SiteWorkload.View> sites(@QueryParam("days") @DefaultValue("90") int days) {
        if (!ExperienceCaller.of(identity, token).readsAllProcedures()) {
            throw ProblemException.forbidden("the sites' workload is for operations and administration");
        }
        return workload.view(since(days));
    }

    @POST
    @Path("/comments/{id}/moderation")
    public Uni<Dialogue.Comment> moderate(@PathParam("id") UUID id, Dialogue.Moderation moderation) {
        return dialogue.moderate(ExperienceCaller.of(identity, token), id, moderation);
    }

    @POST
    @Path("/procedures/{procedureId}/answers")
    public Uni<Response> answer(@PathParam("procedureId") String procedureId, Dialogue.AnswerForm form) {
        readable(procedureId);
        return dialogue.answer(ExperienceCaller.of(identity, token), procedureId, form)
                .map(answer -> Response.status(Response.Status.CREATED).entity(answer).build());
    }

    private void readable(String procedureId) {
        if (!ExperienceCaller.of(identity, token).reads(procedureId)) {
            throw ProblemException.notFound("procedure " + procedureId);
        }
    }

    private static Instant instant(String since) {
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-period", "since is an ISO-8601 instant, e.g. 2026-12-01T00:00:00Z");
        }
    }

    private Instant since(int days) {
        if (days < 1 || days > 366) {
            throw ProblemException.badRequest("invalid-period", "days must be between 1 and 366");
        }
        return clock.instant().minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    }
}
