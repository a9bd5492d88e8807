package fr.relais.journey.messaging;

import fr.relais.messaging.DeadLetters;
import com.fasterxml.jackson.core.JsonProcessingException;
import fr.relais.events.CloudEventAttributes;
import fr.relais.events.CloudEventHeaders;
import fr.relais.events.ContractJson;
import fr.relais.events.Contracts;
import fr.relais.events.Topics;
import fr.relais.events.appointment.AppointmentCheckedIn;
import fr.relais.events.appointment.BookingAccessed;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.RecordPresence;
import fr.relais.journey.service.BookingAccessLog;
import fr.relais.journey.service.CommandHandler;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Turns a check-in at an appointment into the citizen's presence at that site, as a command decided like
 * any other. The command id derives from the event id, so a redelivered check-in is recorded once.
 * A staff member's access to a booking (BookingAccessed) goes to the citizen's access log, once.
 * Other appointment events do not change a journey.
 */
@ApplicationScoped
public class AppointmentEventsConsumer {

    private static final String CHECKED_IN = Contracts.typeOf(AppointmentCheckedIn.class);
    private static final String BOOKING_ACCESSED = Contracts.typeOf(BookingAccessed.class);

    @Inject
    CommandHandler handler;

    @Inject
    BookingAccessLog accessLog;

    @Inject
    DeadLetters deadLetters;

    @Incoming("appointment-events")
    public Uni<Void> consume(Message<String> message) {
        IncomingKafkaRecordMetadata<?, ?> origin = message.getMetadata(IncomingKafkaRecordMetadata.class).orElseThrow();
        Map<String, String> headers = ReceivedHeaders.of(origin);
        if (BOOKING_ACCESSED.equals(headers.get(CloudEventHeaders.TYPE))) {
            return bookingAccessed(message, origin, headers);
        }
        if (!CHECKED_IN.equals(headers.get(CloudEventHeaders.TYPE))) {
            return Uni.createFrom().completionStage(message.ack());
        }
        CloudEventAttributes cause;
        AppointmentCheckedIn checkedIn;
        try {
            cause = CloudEventAttributes.fromKafkaHeaders(headers);
            checkedIn = ContractJson.mapper().readValue(message.getPayload(), AppointmentCheckedIn.class);
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : String.valueOf(e.getMessage());
            return deadLetters.park(Topics.APPOINTMENT_EVENTS, origin, message.getPayload(), "unreadable check-in: " + reason)
                    .chain(() -> Uni.createFrom().completionStage(message.ack()));
        }
        RecordPresence presence = new RecordPresence(UUID.nameUUIDFromBytes(("presence:" + cause.id()).getBytes(StandardCharsets.UTF_8)),
                checkedIn.journeyId(), Actor.system("appointment-service"), Instant.now(), checkedIn.site(), "appointment-check-in");
        return handler.handle(presence, cause)
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(8)
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> deadLetters.park(Topics.APPOINTMENT_EVENTS, origin, message.getPayload(),
                        "processing failed after retries: " + failure.getClass().getSimpleName()))
                .chain(() -> Uni.createFrom().completionStage(message.ack()));
    }

    private Uni<Void> bookingAccessed(Message<String> message, IncomingKafkaRecordMetadata<?, ?> origin, Map<String, String> headers) {
        CloudEventAttributes cause;
        BookingAccessed access;
        try {
            cause = CloudEventAttributes.fromKafkaHeaders(headers);
            access = ContractJson.mapper().readValue(message.getPayload(), BookingAccessed.class);
            Object key = origin.getKey();
            if (key == null || !key.toString().equals(access.journeyId().toString())) {
                throw new IllegalArgumentException("record key does not match the event's journey id");
            }
        } catch (JsonProcessingException | RuntimeException e) {
            // missing or malformed CloudEvents headers, a payload the contract refuses, a key not the journey's
            String reason = e instanceof JsonProcessingException json ? json.getOriginalMessage() : String.valueOf(e.getMessage());
            return deadLetters.park(Topics.APPOINTMENT_EVENTS, origin, message.getPayload(), "unreadable booking access: " + reason)
                    .chain(() -> Uni.createFrom().completionStage(message.ack()));
        }
        return accessLog.record(cause.id(), access)
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(8)
                .onFailure().recoverWithUni(failure -> deadLetters.park(Topics.APPOINTMENT_EVENTS, origin, message.getPayload(),
                        "processing failed after retries: " + failure.getClass().getSimpleName()))
                .chain(() -> Uni.createFrom().completionStage(message.ack()));
    }
}
