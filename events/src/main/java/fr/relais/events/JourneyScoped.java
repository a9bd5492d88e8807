package fr.relais.events;

import java.util.UUID;

/**
 * A payload about one journey. Its journey id is the Kafka key and the CloudEvents {@code subject},
 * so every record of one journey stays ordered on one partition.
 */
public interface JourneyScoped {

    UUID journeyId();

    /** The Kafka record key. */
    default String kafkaKey() {
        return journeyId().toString();
    }
}
