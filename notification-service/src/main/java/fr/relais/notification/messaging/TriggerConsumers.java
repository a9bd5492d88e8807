package fr.relais.notification.messaging;

import fr.relais.events.Topics;
import fr.relais.events.appointment.AppointmentEvent;
import fr.relais.events.journey.JourneyEvent;
import fr.relais.events.mediation.MediationEvent;
import fr.relais.messaging.inbox.InboundRecord;
import fr.relais.messaging.inbox.Inbox;
import fr.relais.notification.service.Facts;
import fr.relais.notification.service.Intake;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Optional;

/**
 * Consumes appointment, journey and mediation events. A record is acknowledged after its facts committed (with its
 * processed-message id); an unreadable record, or one of an unknown type, goes to {@code <topic>.dlq} with the reason (Inbox).
 */
@ApplicationScoped
public class TriggerConsumers {

    @Inject
    Inbox inbox;

    @Inject
    Intake intake;

    @Incoming("appointment-events")
    public Uni<Void> appointment(Message<String> message) {
        return inbox.consume(Topics.APPOINTMENT_EVENTS, message, record -> {
            InboundRecord.Received<AppointmentEvent> read = record.read(AppointmentEvent.class);
            return effect("appointment-events", TriggerMapper.fromAppointment(read.attributes().id(), read.payload()));
        });
    }

    @Incoming("journey-events")
    public Uni<Void> journey(Message<String> message) {
        return inbox.consume(Topics.JOURNEY_EVENTS, message, record -> {
            InboundRecord.Received<JourneyEvent> read = record.read(JourneyEvent.class);
            return effect("journey-events", TriggerMapper.fromJourney(read.attributes().id(), read.payload()));
        });
    }

    @Incoming("mediation-events")
    public Uni<Void> mediation(Message<String> message) {
        return inbox.consume(Topics.MEDIATION_EVENTS, message, record -> {
            InboundRecord.Received<MediationEvent> read = record.read(MediationEvent.class);
            return effect("mediation-events", TriggerMapper.fromMediation(read.attributes().id(), read.payload()));
        });
    }

    private Optional<Inbox.Effect> effect(String consumer, Facts facts) {
        return facts.empty() ? Optional.empty() : Inbox.effect(() -> intake.apply(consumer, facts));
    }
}
