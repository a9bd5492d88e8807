package fr.relais.appointment.service;

import fr.relais.events.CloudEventAttributes;
import fr.relais.events.Contracts;
import fr.relais.events.appointment.AppointmentEvent;
import fr.relais.messaging.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Adds an appointment event to the shared transactional outbox (messaging-support) inside the caller's
 * transaction, on its contract's topic; messaging-support's OutboxRelay publishes it.
 */
@ApplicationScoped
public class AppointmentOutbox {

    @Inject
    Outbox outbox;

    public Uni<Void> add(AppointmentEvent event) {
        CloudEventAttributes attributes = CloudEventAttributes.forPayload(outbox.source(), event, null, null);
        return outbox.add(Contracts.find(event.getClass()).orElseThrow().topic(), event, attributes).replaceWithVoid();
    }
}
