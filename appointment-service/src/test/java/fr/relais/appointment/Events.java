package fr.relais.appointment;

import fr.relais.events.CloudEventHeaders;
import fr.relais.events.ContractJson;
import fr.relais.events.Contracts;
import fr.relais.events.Topics;
import fr.relais.testsupport.TopicCollector;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Reads what the service published on the suite's appointment.events topic. */
public final class Events implements AutoCloseable {

    private final TopicCollector collector = new TopicCollector(TestTopics.of(Topics.APPOINTMENT_EVENTS));

    /**
     * The positive marker before asserting that something was not published: the outbox is drained and every record
     * on the topic has been read here.
     */
    public void awaitQuiet(TestDatabase db) {
        db.awaitOutboxDrained();
        collector.awaitCaughtUp(Duration.ofSeconds(20));
    }

    public List<TopicCollector.Received> of(UUID journeyId) {
        return collector.forKey(journeyId.toString());
    }

    public <T> List<T> of(UUID journeyId, Class<T> type) {
        String ceType = Contracts.typeOf(type);
        return of(journeyId).stream().filter(r -> ceType.equals(r.header(CloudEventHeaders.TYPE)))
                .map(r -> read(r.value(), type)).toList();
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return ContractJson.mapper().readValue(json, type);
        } catch (Exception e) {
            throw new AssertionError("unreadable " + type.getSimpleName() + ": " + json, e);
        }
    }

    @Override
    public void close() throws Exception {
        collector.close();
    }
}
