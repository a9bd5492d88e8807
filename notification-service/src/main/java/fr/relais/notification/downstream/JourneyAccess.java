package fr.relais.notification.downstream;

import fr.relais.problem.ProblemException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.UUID;

/** Staff see a journey's messages only when journey-service lets them see the journey: never looser than its rules. */
@ApplicationScoped
public class JourneyAccess {

    @Inject
    @RestClient
    JourneyAccessClient journeys;

    /** Fails with the caller's refusal (403, 404), or 503 when journey-service cannot say. */
    public Uni<Void> require(UUID journeyId, String rawToken) {
        return journeys.journey(journeyId, "Bearer " + rawToken).onItemOrFailure().transformToUni((response, failure) -> {
            int status = failure instanceof WebApplicationException e ? e.getResponse().getStatus()
                    : failure != null ? 0 : response.getStatus();
            if (response != null) {
                response.close();
            }
            if (status >= 200 && status < 300) {
                return Uni.createFrom().voidItem();
            }
            if (status == 403 || status == 401) {
                return Uni.createFrom().failure(ProblemException.forbidden(
                        "Vous n'avez pas de raison de voir cette démarche (appel vérifié, présence au guichet ou dossier de votre groupe)."));
            }
            if (status == 404) {
                return Uni.createFrom().failure(ProblemException.notFound("démarche"));
            }
            Log.warnf("journey-service could not say whether a staff member may see journey %s: %s", journeyId,
                    failure == null ? "status " + status : failure.getClass().getSimpleName());
            return Uni.createFrom().failure(new ProblemException(503, "journey-service-unavailable",
                    "Service indisponible", "Impossible de vérifier l'accès à cette démarche pour le moment ; réessayez."));
        });
    }
}
