package fr.relais.notification.downstream;

import fr.relais.notification.domain.Recipient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.UUID;

/** A journey's citizen as the rules see her, read from journey-service each time a message is planned or sent. */
@ApplicationScoped
public class Recipients {

    @Inject
    @RestClient
    JourneyRecipientClient journeys;

    /** @throws RuntimeException when journey-service cannot answer now (the caller retries later) */
    public Recipient of(UUID journeyId) {
        JourneyRecipientClient.Answer answer = journeys.recipient(journeyId);
        JourneyRecipientClient.Consents consents = answer.consents() == null
                ? new JourneyRecipientClient.Consents(false, false, false) : answer.consents();
        Recipient.Address address = answer.address() == null ? null
                : new Recipient.Address(answer.address().line(), answer.address().postcode(), answer.address().city());
        return new Recipient(answer.personId(), answer.accountSubject(), answer.givenNames(), answer.familyName(),
                answer.email(), answer.phone(), address, consents.email(), consents.sms(), consents.letter(),
                answer.surveyInvitations());
    }
}
