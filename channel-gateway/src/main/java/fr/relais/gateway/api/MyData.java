package fr.relais.gateway.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.relais.gateway.downstream.AppointmentServiceClient;
import fr.relais.gateway.downstream.JourneyServiceClient;
import fr.relais.gateway.downstream.MediationServiceClient;
import fr.relais.gateway.downstream.NotificationServiceClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * "Télécharger mes données": what each service holds about the calling citizen, each asked with her own token (each
 * service decides what is hers): journey-service's person, journeys, answers, timelines and access logs, then her
 * bookings (appointment-service), the messages sent to her (notification-service) and the mediation cases about her
 * journeys (mediation-service), in one document.
 */
@ApplicationScoped
public class MyData {

    @RestClient
    JourneyServiceClient journeys;

    @RestClient
    AppointmentServiceClient appointments;

    @RestClient
    NotificationServiceClient notifications;

    @RestClient
    MediationServiceClient mediation;

    @Inject
    ObjectMapper json;

    public Uni<ObjectNode> ofCaller() {
        return Uni.combine().all().unis(journeys.myData(), appointments.mine(), notifications.mine(), mediation.myCases())
                .asTuple().map(all -> {
                    ObjectNode export = all.getItem1();
                    export.set("bookings", json.valueToTree(all.getItem2()));
                    export.set("messages", json.valueToTree(all.getItem3()));
                    export.set("mediationCases", all.getItem4());
                    return export;
                });
    }
}
