package fr.relais.gateway.downstream;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * mediation-service's public experience aggregates (its {@code @PermitAll} endpoints), for the unauthenticated
 * {@code /transparence} page and its open data. Called with no token at all, whoever asks: no header is propagated
 * (no {@code @RegisterClientHeaders}) and {@link WithoutCallerToken} drops the one the session forwarding would add, so
 * a signed-in visitor's token never reaches a public read.
 */
@RegisterRestClient(configKey = "mediation-service")
@RegisterProvider(WithoutCallerToken.class)
@Timeout
@CircuitBreaker
public interface PublicExperienceClient {

    /** @param days the period, mediation-service's default (90) when null */
    @GET
    @Retry
    @Path("/experience/transparency")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<ExperienceAnswers.Transparency> transparency(@QueryParam("days") Integer days);

    /** The per procedure and path rows up to yesterday, as mediation-service writes them (bytes kept unchanged). */
    @GET
    @Retry
    @Path("/experience/open-data")
    @Produces({"text/csv", MediaType.APPLICATION_JSON})
    Uni<byte[]> openData(@QueryParam("format") String format);
}
