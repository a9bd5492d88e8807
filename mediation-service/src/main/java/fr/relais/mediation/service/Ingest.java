package fr.relais.mediation.service;

import fr.relais.events.CloudEventAttributes;
import fr.relais.mediation.domain.Signal;

import java.util.List;
import java.util.UUID;

/**
 * What one Kafka record tells about a journey: signals, and possibly its procedure or site.
 *
 * @param consumer  the consumer's name, for processed_message
 * @param procedureId null when the record does not say
 */
public record Ingest(String consumer, CloudEventAttributes cause, UUID journeyId, String procedureId,
                     Integer procedureVersion, String site, List<Signal> signals) {

    public Ingest {
        signals = List.copyOf(signals);
    }
}
