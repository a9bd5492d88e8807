package fr.relais.notification.downstream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/**
 * journey-service's recipient read: who a journey's citizen is and how she may be reached, asked at send time with
 * this service's own token (client credentials, realm role notifier). Blocking: the dispatcher runs on a worker thread.
 */
@RegisterRestClient(configKey = "journey-service")
@OidcClientFilter
@Path("/journeys")
@Produces(MediaType.APPLICATION_JSON)
public interface JourneyRecipientClient {

    @GET
    @Path("/{id}/recipient")
    Answer recipient(@PathParam("id") UUID journeyId);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Answer(UUID journeyId, UUID personId, String accountSubject, String givenNames, String familyName, String email,
                  String phone, Address address, String language, Consents consents, boolean surveyInvitations) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Address(String line, String postcode, String city) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Consents(boolean email, boolean sms, boolean letter) {
    }
}
