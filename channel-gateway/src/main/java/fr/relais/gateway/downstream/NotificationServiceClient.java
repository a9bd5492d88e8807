package fr.relais.gateway.downstream;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.UUID;

/**
 * notification-service's API, called with the caller's own token: it decides who reads which messages (a citizen her
 * own, staff a journey's codes, a counter agent her own site's letters). Answers are read into
 * {@link NotificationAnswers}.
 */
@RegisterRestClient(configKey = "notification-service")
@RegisterClientHeaders
@Timeout
@CircuitBreaker
@Produces(MediaType.APPLICATION_JSON)
public interface NotificationServiceClient {

    @GET
    @Retry
    @Path("/me/messages")
    Uni<List<NotificationAnswers.Message>> mine();

    @GET
    @Retry
    @Path("/journeys/{id}/messages")
    Uni<List<NotificationAnswers.JourneyMessage>> ofJourney(@PathParam("id") UUID journeyId);

    @GET
    @Retry
    @Path("/letters/{site}")
    Uni<List<NotificationAnswers.LetterBatch>> letters(@PathParam("site") String site);

    /** @param day YYYY-MM-DD */
    @GET
    @Retry
    @Path("/letters/{site}/{day}.pdf")
    @Produces("application/pdf")
    Uni<byte[]> lettersPdf(@PathParam("site") String site, @PathParam("day") String day);

    @POST
    @Path("/letters/{site}/{day}/posted")
    Uni<NotificationAnswers.Posted> posted(@PathParam("site") String site, @PathParam("day") String day);
}
