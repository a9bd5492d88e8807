package fr.relais.gateway.web;

import fr.relais.gateway.downstream.IdentityAnswers;
import fr.relais.gateway.downstream.JourneyServiceClient;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The portal's side of a FranceConnect sign-in: on her home page journey-service links her certified identity to her
 * person record (once; later calls change nothing) and says which journeys started for her wait for their resume code.
 * A refusal (her identity's record belongs to another account) is shown; a service that does not answer only hides
 * the list, never the page.
 */
@RequestScoped
public class PortalIdentity {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH)
            .withZone(ZoneId.of("Europe/Paris"));

    /** A journey waiting for her, as the home page lists it. */
    public record Waiting(String procedureTitle, String startedOn) {
    }

    public record Linked(IdentityAnswers.Link link, boolean refused) {
    }

    @Inject
    WebSession session;

    @RestClient
    JourneyServiceClient journeys;

    Uni<Linked> ofSession() {
        if (!session.certifiedIdentity()) {
            return Uni.createFrom().item(new Linked(IdentityAnswers.Link.NONE, false));
        }
        return journeys.linkIdentity().map(link -> new Linked(link, false))
                .onFailure().recoverWithItem(failure -> {
                    boolean refused = failure instanceof WebApplicationException web && web.getResponse().getStatus() == 409;
                    if (!refused) {
                        Log.warnf("identity link not answered: %s", failure.toString());
                    }
                    return new Linked(IdentityAnswers.Link.NONE, refused);
                });
    }

    static List<Waiting> waiting(Linked linked, Map<String, StepForm.Procedure> procedures) {
        return linked.link().pendingJourneys().stream().map(j -> new Waiting(
                procedures.containsKey(j.procedureId()) ? procedures.get(j.procedureId()).title() : j.procedureId(),
                j.startedAt() == null ? "" : DAY.format(j.startedAt()))).toList();
    }
}
