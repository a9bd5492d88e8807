package fr.relais.events;

import java.util.List;

/**
 * Kafka topic names. The devstack creates topics from {@code /topics.txt} (same names, checked
 * by a test), so a topic added here must be added there too.
 */
public final class Topics {

    /** Commands to journey-service, its single writer. Keyed by journey id. */
    public static final String JOURNEY_COMMANDS = "journey.commands";
    /** Facts about journeys, written by journey-service only. Keyed by journey id. */
    public static final String JOURNEY_EVENTS = "journey.events";
    /** Accepted / rejected answers to commands, for the gateway; correlated by command id. Keyed by journey id. */
    public static final String JOURNEY_OUTCOMES = "journey.outcomes";
    /** Friction signals seen by the gateway (validation errors, help requests…). Keyed by journey id. */
    public static final String CHANNEL_TOUCHPOINTS = "channel.touchpoints";
    public static final String APPOINTMENT_EVENTS = "appointment.events";
    public static final String MEDIATION_EVENTS = "mediation.events";
    /** Messages sent to citizens (ids and codes: which trigger, which channel, delivered or not). Keyed by journey id. */
    public static final String NOTIFICATION_EVENTS = "notification.events";

    /** The main topics, without their dead-letter topics. */
    public static final List<String> ALL = List.of(
            JOURNEY_COMMANDS, JOURNEY_EVENTS, JOURNEY_OUTCOMES,
            CHANNEL_TOUCHPOINTS, APPOINTMENT_EVENTS, MEDIATION_EVENTS, NOTIFICATION_EVENTS);

    /**
     * Partitions of every main topic. The same count everywhere so that one journey id lands on the
     * same partition number in every topic, and services scale up to this many consumers.
     */
    public static final int JOURNEY_KEYED_PARTITIONS = 6;

    /** Dead-letter topics only hold records for a person to inspect; order across them does not matter. */
    public static final int DLQ_PARTITIONS = 1;

    private static final String DLQ_SUFFIX = ".dlq";

    private Topics() {
    }

    /** The dead-letter topic of {@code topic}: unreadable records go there, with the reason in a header. */
    public static String dlq(String topic) {
        return topic + DLQ_SUFFIX;
    }

    public static boolean isDlq(String topic) {
        return topic.endsWith(DLQ_SUFFIX);
    }

    /** Partitions the devstack creates for {@code topic} (a main topic or a dead-letter topic). */
    public static int partitions(String topic) {
        return isDlq(topic) ? DLQ_PARTITIONS : JOURNEY_KEYED_PARTITIONS;
    }
}
