package fr.relais.mediation.api;

import fr.relais.mediation.domain.Contribution;
import fr.relais.mediation.domain.FrictionPolicy;
import fr.relais.mediation.domain.FrictionScore;
import fr.relais.mediation.domain.FrictionScorer;
import fr.relais.mediation.persistence.CaseEntity;
import fr.relais.mediation.persistence.JourneyContextEntity;
import fr.relais.mediation.service.CaseService;
import fr.relais.mediation.service.FrictionService;
import fr.relais.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A journey's friction score, explained: each contributing signal with its weight, decay and points,
 * evaluated now under the current policy. Ids and codes only (pseudonymous ids, step and channel codes,
 * instants), never personal data: that is why {@code ops} may read it for any journey. A mediator may read
 * it only for a journey that has a case in one of their pools; any other journey answers the same 404 as an
 * unknown one.
 */
@Path("/journeys/{journeyId}/friction")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"mediator", "ops"})
public class FrictionResource {

    public record Explanation(UUID journeyId, String procedureId, int policyVersion, double score, double threshold,
                              boolean crossed, Instant evaluatedAt, UUID openCaseId, List<ContributionView> contributions) {
    }

    /** One signal's share of the score: weight x count used x decay = points. */
    public record ContributionView(String sourceId, String kind, String stepId, String channel, Instant occurredAt,
                                   double weight, int countUsed, double decay, double points) {
        static ContributionView of(Contribution c) {
            return new ContributionView(c.sourceId(), c.kind().wire(), c.stepId(), c.channel(), c.occurredAt(), c.weight(),
                    c.countUsed(), Math.round(c.decay() * 10_000) / 10_000.0, Math.round(c.points() * 100) / 100.0);
        }
    }

    @Inject
    FrictionPolicy policy;

    @Inject
    FrictionService friction;

    @Inject
    Clock clock;

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @GET
    public Uni<Explanation> explain(@PathParam("journeyId") UUID journeyId) {
        Instant now = clock.instant();
        boolean ops = identity.hasRole("ops");
        Set<String> pools = Mediators.pools(identity, token);
        return Panache.withSession(() -> (ops ? Uni.createFrom().item(true) : CaseService.journeyVisible(journeyId, pools))
                .flatMap(visible -> visible ? JourneyContextEntity.<JourneyContextEntity>findById(journeyId)
                        : Uni.createFrom().<JourneyContextEntity>nullItem())
                .flatMap(context -> {
                    if (context == null) {
                        // one answer for "never seen" and "not yours": the difference would tell that a journey exists
                        throw ProblemException.notFound("no friction known for this journey");
                    }
                    return explanation(context, now);
                }));
    }

    private Uni<Explanation> explanation(JourneyContextEntity context, Instant now) {
        UUID journeyId = context.journeyId;
        return FrictionService.history(journeyId, context.countsFrom(friction.horizon(now))).flatMap(signals -> {
            FrictionScore score = FrictionScorer.score(policy, context.procedureId, signals, now);
            return CaseEntity.<CaseEntity>find("journeyId = ?1 and status <> 'RESOLVED'", journeyId).firstResult()
                    .map(open -> new Explanation(journeyId, context.procedureId, score.policyVersion(),
                            Math.round(score.total() * 100) / 100.0, score.threshold(), score.crossed(), now,
                            open == null ? null : open.id,
                            score.contributions().stream().map(ContributionView::of).toList()));
        });
    }
}
