package fr.relais.mediation.messaging;

import fr.relais.events.CloudEventAttributes;
import fr.relais.events.Topics;
import fr.relais.events.channel.Touchpoint;
import fr.relais.events.journey.JourneyEvent;
import fr.relais.mediation.service.FrictionService;
import fr.relais.mediation.service.Ingest;
import fr.relais.messaging.inbox.InboundRecord;
import fr.relais.messaging.inbox.Inbox;
import fr.relais.messaging.inbox.PoisonRecordException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.Optional;

/**
 * Consumes channel.touchpoints, journey.events and appointment.events, one record at a time per
 * partition. A record is acknowledged only after its transaction committed (signals, score, case, outbox
 * and processed message together); unreadable records, and records that keep failing, go to
 * {@code <topic>.dlq} with the reason in a header, and the partition moves on (Inbox).
 */
@ApplicationScoped
public class FrictionConsumers {

    @Inject
    FrictionService friction;

    @Inject
    Inbox inbox;

    @Incoming("touchpoints")
    public Uni<Void> touchpoint(Message<String> message) {
        return inbox.consume(Topics.CHANNEL_TOUCHPOINTS, message, record -> {
            InboundRecord.Received<Touchpoint> read = record.read(Touchpoint.class);
            return ingest(SignalMapper.fromTouchpoint(read.payload(), read.attributes()));
        });
    }

    @Incoming("journey-events")
    public Uni<Void> journeyEvent(Message<String> message) {
        return inbox.consume(Topics.JOURNEY_EVENTS, message, record -> {
            InboundRecord.Received<JourneyEvent> read = record.read(JourneyEvent.class);
            return SignalMapper.fromJourneyEvent(read.payload(), read.attributes()).flatMap(this::ingest);
        });
    }

    @Incoming("appointment-events")
    public Uni<Void> appointmentEvent(Message<String> message) {
        return inbox.consume(Topics.APPOINTMENT_EVENTS, message, record -> {
            CloudEventAttributes attributes = record.attributes();
            if (!attributes.type().startsWith("relais.appointment.")) {
                throw new PoisonRecordException("type '" + InboundRecord.abbreviate(attributes.type())
                        + "' is not an appointment event");
            }
            return ingest(SignalMapper.fromAppointment(attributes.type(), record.tree(), record.key(), attributes));
        });
    }

    private Optional<Inbox.Effect> ingest(Ingest ingest) {
        return Inbox.effect(() -> friction.ingest(ingest));
    }
}
