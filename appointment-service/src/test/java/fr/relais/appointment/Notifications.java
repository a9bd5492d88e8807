package fr.relais.appointment;

import fr.relais.events.CloudEventAttributes;
import fr.relais.events.CloudEventHeaders;
import fr.relais.events.Topics;
import fr.relais.events.notification.NotificationDelivered;
import fr.relais.events.notification.NotificationEvent;
import fr.relais.events.notification.NotificationSent;
import fr.relais.testsupport.TopicSender;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Records on the suite's notification.events topic as notification-service writes them. */
public final class Notifications implements AutoCloseable {

    private final TopicSender sender = new TopicSender();
    private final TestDatabase db;

    public Notifications(TestDatabase db) {
        this.db = db;
    }

    /** PostgreSQL keeps microseconds: times the tests compare are cut to milliseconds. */
    public static Instant at(Instant time) {
        return time.truncatedTo(ChronoUnit.MILLIS);
    }

    public static NotificationSent sent(UUID journey, UUID booking, String trigger, Instant at) {
        return new NotificationSent(UUID.randomUUID(), journey, at(at), trigger, "sms", booking);
    }

    public static NotificationDelivered delivered(UUID journey, UUID booking, String trigger, Instant at) {
        return new NotificationDelivered(UUID.randomUUID(), journey, at(at), trigger, "sms", booking);
    }

    /** Sends the record with a new CloudEvents id; returns the id. */
    public String send(NotificationEvent event) {
        Map<String, String> headers = CloudEventAttributes.forPayload("notification-service", event, null, null).toKafkaHeaders();
        sender.send(TestTopics.of(Topics.NOTIFICATION_EVENTS), event.kafkaKey(), headers, Journeys.json(event));
        return headers.get(CloudEventHeaders.ID);
    }

    /** Sends the record again with the id it had: what Kafka does when an acknowledgement was lost. */
    public void redeliver(NotificationEvent event, String id) {
        Map<String, String> headers = new HashMap<>(CloudEventAttributes.forPayload("notification-service", event, null, null)
                .toKafkaHeaders());
        headers.put(CloudEventHeaders.ID, id);
        sender.send(TestTopics.of(Topics.NOTIFICATION_EVENTS), event.kafkaKey(), headers, Journeys.json(event));
    }

    /** Sends a record the service acts on and waits until it has (its id is in processed_message); returns the id. */
    public String publish(NotificationEvent event) {
        String id = send(event);
        awaitProcessed(id);
        return id;
    }

    public void awaitProcessed(String id) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> db.count("select count(*) from processed_message where message_id = ?", id) == 1);
    }

    @Override
    public void close() {
        sender.close();
    }
}
