package fr.relais.messaging.inbox;

import fr.relais.events.CloudEventAttributes;
import fr.relais.events.CloudEventHeaders;
import fr.relais.events.Topics;
import fr.relais.events.appointment.AppointmentCheckedIn;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.vertx.pgclient.PgException;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The consumer tail's decisions: skip, park a poison record, run the effect with retries, park what keeps failing; ack last. */
class InboxTest {

    private static final Instant AT = Instant.parse("2031-03-04T09:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(10);

    /** What happened, in order: effect attempts, parkings (with their reason) and acknowledgements. */
    private final List<String> steps = new CopyOnWriteArrayList<>();
    private final AtomicInteger acks = new AtomicInteger();
    private final Inbox inbox = new Inbox(this::park, new Inbox.Limits(Duration.ofMillis(1), Duration.ofMillis(5), 3, 1024));

    private final AppointmentCheckedIn checkedIn = new AppointmentCheckedIn(UUID.randomUUID(), UUID.randomUUID(), AT,
            "site-1", "counter-1", "motif-1", "id-card", "desk-check", AT, AT.plusSeconds(900));
    private final Message<String> message = countingAcks(Records.of(checkedIn, acks));

    private IncomingKafkaRecordMetadata<?, ?> parkedOrigin;
    private String parkedValue;

    private Uni<Void> park(String topic, IncomingKafkaRecordMetadata<?, ?> origin, String value, String reason) {
        // parking takes a while: the acknowledgement must wait for it
        return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(20)).invoke(() -> {
            parkedOrigin = origin;
            parkedValue = value;
            steps.add("parked on " + topic + ": " + reason);
        });
    }

    private Message<String> countingAcks(Message<String> original) {
        return original.withAck(() -> {
            steps.add("acked");
            return original.ack();
        });
    }

    private void consume(Inbox.Mapping mapping) {
        consume(message, mapping);
    }

    /** On the check-in's own topic, as appointment-events consumers receive it. */
    private void consume(Message<String> received, Inbox.Mapping mapping) {
        inbox.consume(Topics.APPOINTMENT_EVENTS, received, mapping).await().atMost(WAIT);
    }

    @Test
    void aRecordForAnotherConsumerIsOnlyAcknowledged() {
        consume(record -> Optional.empty());

        assertThat(steps).containsExactly("acked");
        assertThat(acks).hasValue(1);
    }

    @Test
    void theEffectRunsOnceThenTheRecordIsAcknowledged() {
        consume(record -> {
            AppointmentCheckedIn read = record.payload(AppointmentCheckedIn.class);
            return Inbox.effect(() -> Uni.createFrom().item(read).onItem().delayIt().by(Duration.ofMillis(20))
                    .invoke(done -> steps.add("effect on " + done.site())));
        });

        assertThat(steps).containsExactly("effect on site-1", "acked");
    }

    @Test
    void aPoisonRecordIsParkedUnchangedWithItsReasonThenAcknowledged() {
        consume(record -> {
            throw new PoisonRecordException("unreadable check-in: the reason");
        });

        assertThat(steps).containsExactly("parked on appointment.events: unreadable check-in: the reason", "acked");
        assertThat(parkedValue).isEqualTo(message.getPayload());
        assertThat(parkedOrigin.getKey()).isEqualTo(checkedIn.kafkaKey());
        assertThat(parkedOrigin.getOffset()).isEqualTo(41L);
    }

    @Test
    void aMappingThatBreaksParksTheRecordWithoutItsMessage() {
        consume(record -> {
            throw new IllegalStateException("Jeanne Martin");
        });

        assertThat(steps).containsExactly("parked on appointment.events: unmappable record: IllegalStateException", "acked");
    }

    @Test
    void aTransientFailureIsRetriedAndTheRecordAcknowledgedOnce() {
        AtomicInteger attempts = new AtomicInteger();
        consume(record -> Inbox.effect(() -> {
            steps.add("attempt");
            return attempts.incrementAndGet() < 3 ? Uni.createFrom().failure(new IllegalStateException("database restarting"))
                    : Uni.createFrom().voidItem();
        }));

        assertThat(steps).containsExactly("attempt", "attempt", "attempt", "acked");
    }

    @Test
    void anEffectThatKeepsFailingIsParkedAfterItsRetriesThenAcknowledged() {
        consume(record -> Inbox.effect(() -> {
            steps.add("attempt");
            throw new IllegalStateException("lock timeout");
        }));

        // the first attempt and three retries
        assertThat(steps).containsExactly("attempt", "attempt", "attempt", "attempt",
                "parked on appointment.events: processing failed after retries: IllegalStateException", "acked");
        assertThat(parkedValue).isEqualTo(message.getPayload());
        assertThat(acks).hasValue(1);
    }

    @Test
    void whileTheDatabaseIsUnreachableTheRecordWaitsPastItsRetriesAndIsNeverParked() {
        AtomicInteger attempts = new AtomicInteger();
        consume(record -> Inbox.effect(() -> {
            steps.add("attempt");
            // ten times the retry budget: refused connections, then the server starting up, then it answers
            int attempt = attempts.incrementAndGet();
            if (attempt <= 20) {
                return Uni.createFrom().failure(new IllegalStateException("session", new java.net.ConnectException("Connection refused")));
            }
            if (attempt <= 30) {
                return Uni.createFrom().failure(new PgException("the database system is starting up", "FATAL", "57P03", null));
            }
            return Uni.createFrom().voidItem();
        }));

        assertThat(steps).hasSize(32).endsWith("attempt", "acked").noneMatch(step -> step.startsWith("parked"));
        assertThat(acks).hasValue(1);
    }

    @Test
    void aDatabaseRefusalOfTheRecordItselfIsParkedAfterItsRetries() {
        consume(record -> Inbox.effect(() -> {
            steps.add("attempt");
            return Uni.createFrom().failure(new PgException("duplicate key value violates unique constraint", "ERROR", "23505", null));
        }));

        assertThat(steps).containsExactly("attempt", "attempt", "attempt", "attempt",
                "parked on appointment.events: processing failed after retries: PgException", "acked");
    }

    @Test
    void theDefaultRetriesMatchWhatTheConsumersAlwaysDid() {
        assertThat(Inbox.Limits.DEFAULT).isEqualTo(new Inbox.Limits(Duration.ofMillis(200), Duration.ofSeconds(5), 8, 256 * 1024));
    }

    @Test
    void aRecordOfAnUnknownTypeIsParkedEvenByAConsumerThatWantsNothingOfIt() {
        consume(countingAcks(Records.message(checkedIn.kafkaKey(), Map.of(CloudEventHeaders.TYPE,
                "relais.appointment.teleported.v1"), "{}", acks)), record -> Optional.empty());

        assertThat(steps).containsExactly("parked on appointment.events: unknown CloudEvents type 'relais.appointment.teleported.v1'",
                "acked");
    }

    @Test
    void aRecordWithoutATypeIsParked() {
        consume(countingAcks(Records.message(checkedIn.kafkaKey(), Map.of(), "{}", acks)), record -> Optional.empty());

        assertThat(steps).containsExactly("parked on appointment.events: missing header " + CloudEventHeaders.TYPE, "acked");
    }

    @Test
    void aKnownTypeOnAnotherTopicIsParked() {
        inbox.consume(Topics.JOURNEY_EVENTS, message, record -> Optional.empty()).await().atMost(WAIT);

        assertThat(steps).containsExactly("parked on journey.events: type 'relais.appointment.checked-in.v1' does not "
                + "travel on journey.events", "acked");
    }

    @Test
    void aRecordLargerThanAnyContractIsParkedWithoutBeingRead() {
        String huge = "{\"site\":\"" + "é".repeat(600) + "\"}"; // 1 211 bytes in UTF-8, 611 chars: over the 1 KiB limit
        AtomicInteger mapped = new AtomicInteger();
        consume(countingAcks(Records.message(checkedIn.kafkaKey(),
                CloudEventAttributes.forPayload("test", checkedIn, null, null).toKafkaHeaders(), huge, acks)), record -> {
            mapped.incrementAndGet();
            return Optional.empty();
        });

        assertThat(mapped).hasValue(0);
        assertThat(steps).containsExactly("parked on appointment.events: record too large: 1211 bytes, at most 1024", "acked");
        assertThat(parkedValue).isEqualTo(huge);
    }

    @Test
    void consumingWithoutKafkaMetadataIsAProgrammingError() {
        assertThatThrownBy(() -> inbox.consume(Topics.APPOINTMENT_EVENTS, Message.of("{}"), record -> Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
