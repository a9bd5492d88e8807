package fr.relais.messaging.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A record to publish, written in the same transaction as the state change it reports. */
@Entity
@Table(name = "outbox")
public class OutboxEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long position;

    public UUID id;

    /** The logical topic (fr.relais.events.Topics); the relay adds the environment's prefix. */
    public String topic;

    @Column(name = "record_key")
    public String recordKey;

    @Column(name = "ce_type")
    public String ceType;

    @Column(name = "ce_subject")
    public String ceSubject;

    @Column(name = "correlation_id")
    public String correlationId;

    @Column(name = "causation_id")
    public String causationId;

    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** The W3C traceparent of the unit of work that wrote the row (null outside any trace): the relay sends it on. */
    public String traceparent;
}
