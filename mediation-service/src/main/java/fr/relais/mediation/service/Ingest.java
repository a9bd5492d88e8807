package fr.relais.mediation.service;

import fr.relais.events.CloudEventAttributes;
import fr.relais.mediation.domain.Signal;

import java.util.List;
import java.util.UUID;

/**
 * What one Kafka record tells about a journey: signals, possibly its procedure or site, and possibly a milestone of
 * its life (start, end, claim…).
 *
 * @param consumer  the consumer's name, for processed_message
 * @param procedureId null when the record does not say
 * @param milestone null when the record is no milestone
 */
public record Ingest(String consumer, CloudEventAttributes cause, UUID journeyId, String procedureId,
                     Integer procedureVersion, String site, List<Signal> signals, Milestone milestone) {

    public Ingest {
        signals = List.copyOf(signals);
    }

    public Ingest(String consumer, CloudEventAttributes cause, UUID journeyId, String procedureId,
                  Integer procedureVersion, String site, List<Signal> signals) {
        this(consumer, cause, journeyId, procedureId, procedureVersion, site, signals, null);
    }

    /** A record that only marks a milestone of the journey's life. */
    public static Ingest milestone(String consumer, CloudEventAttributes cause, UUID journeyId, Milestone milestone) {
        return new Ingest(consumer, cause, journeyId, null, null, null, List.of(), milestone);
    }
}
