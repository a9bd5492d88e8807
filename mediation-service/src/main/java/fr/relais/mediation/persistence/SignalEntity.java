package fr.relais.mediation.persistence;

import fr.relais.mediation.domain.Signal;
import fr.relais.mediation.domain.SignalKind;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One signal, once (unique source id). Inserted with ON CONFLICT DO NOTHING by {@code SignalStore}. */
@Entity
@Table(name = "signal")
public class SignalEntity extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "source_id")
    public String sourceId;

    @Column(name = "journey_id")
    public UUID journeyId;

    public String kind;

    @Column(name = "step_id")
    public String stepId;

    public String channel;

    public String site;

    public int count;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    /** Null for a kind this version does not know (written by a newer version): it is ignored. */
    public Signal toDomain() {
        return SignalKind.fromWire(kind)
                .map(k -> new Signal(sourceId, journeyId, k, stepId, channel, site, count, occurredAt))
                .orElse(null);
    }
}
