package fr.relais.mediation.api;

import fr.relais.mediation.domain.CaseOutcome;
import fr.relais.mediation.domain.ContactOutcome;
import fr.relais.mediation.domain.Notes;
import fr.relais.mediation.service.CaseService;
import fr.relais.problem.ProblemException;
import io.quarkus.security.Authenticated;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The mediator's side (called through the gateway with the mediator's token): the queue of their pools,
 * a case with its history, claim (exclusive), contact attempts and notes, resolution.
 * A case exists for a caller only if they are a mediator of its pool: anyone else (a mediator of another
 * pool, a citizen, an agent) gets the same 404 as for a case that does not exist, never a 403 that would
 * confirm it does.
 */
@Path("/cases")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class CaseResource {

    @Inject
    JsonWebToken token;

    @Inject
    SecurityIdentity identity;

    @Inject
    CaseService cases;

    @Inject
    fr.relais.mediation.service.CitizenCases citizenCases;

    /** Open and claimed cases of the caller's pools (or of one of them), most urgent first, then nearest deadline. */
    @GET
    @Path("/queue")
    @RolesAllowed(Mediators.ROLE)
    public Uni<List<CaseViews.CaseView>> queue(@QueryParam("pool") String pool) {
        Set<String> pools = Mediators.pools(identity, token);
        if (pool != null) {
            if (!pools.contains(pool)) {
                throw ProblemException.forbidden("you are not a mediator of pool " + pool);
            }
            pools = Set.of(pool);
        }
        Set<String> skills = Mediators.skills(token);
        Instant now = cases.now();
        return cases.queue(pools, skills).map(list -> list.stream()
                .map(q -> CaseViews.CaseView.of(q.mediationCase(), q.skills(), skills, now)).toList());
    }

    /** The cases about the calling citizen's own journeys (her data export). */
    @GET
    @Path("/mine")
    @RolesAllowed("citizen")
    public Uni<List<CaseViews.MyCase>> mine() {
        return citizenCases.of(token.getSubject()).map(rows -> rows.stream().map(CaseViews.MyCase::of).toList());
    }

    @GET
    @Path("/{id}")
    public Uni<CaseViews.CaseDetail> get(@PathParam("id") UUID id) {
        return cases.get(id, Mediators.pools(identity, token)).map(found -> new CaseViews.CaseDetail(
                CaseViews.CaseView.of(found.mediationCase(), found.skills(), Mediators.skills(token), cases.now()),
                found.history().stream().map(CaseViews.HistoryLine::of).toList()));
    }

    /** Exclusive; refused (409 skill-required) to a mediator who lacks a skill the case needs, until its first-contact deadline. */
    @POST
    @Path("/{id}/claim")
    public Uni<CaseViews.CaseView> claim(@PathParam("id") UUID id) {
        return cases.claim(id, Mediators.pools(identity, token), Mediators.subject(token), Mediators.skills(token))
                .map(CaseViews.CaseView::of);
    }

    @POST
    @Path("/{id}/contacts")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    public Uni<CaseViews.CaseView> contact(@PathParam("id") UUID id, CaseViews.ContactRequest request) {
        if (request == null || request.outcome() == null) {
            throw ProblemException.badRequest("invalid-contact", "an outcome is required");
        }
        ContactOutcome outcome = ContactOutcome.fromWire(request.outcome()).orElseThrow(() -> ProblemException.badRequest(
                "invalid-contact", "unknown contact outcome; one of " + Arrays.stream(ContactOutcome.values()).map(ContactOutcome::wire).toList()));
        Notes.problem(request.note()).ifPresent(problem -> {
            throw ProblemException.badRequest("invalid-note", problem);
        });
        return cases.recordContact(id, Mediators.pools(identity, token), Mediators.subject(token), outcome, request.note())
                .map(CaseViews.CaseView::of);
    }

    @POST
    @Path("/{id}/resolve")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<CaseViews.CaseView> resolve(@PathParam("id") UUID id, CaseViews.ResolveRequest request) {
        if (request == null || request.outcome() == null) {
            throw ProblemException.badRequest("invalid-outcome", "an outcome is required");
        }
        CaseOutcome outcome = CaseOutcome.fromWire(request.outcome()).orElseThrow(() -> ProblemException.badRequest(
                "invalid-outcome", "unknown outcome; one of " + Arrays.stream(CaseOutcome.values()).map(CaseOutcome::wire).toList()));
        return cases.resolve(id, Mediators.pools(identity, token), Mediators.subject(token), outcome).map(CaseViews.CaseView::of);
    }
}
