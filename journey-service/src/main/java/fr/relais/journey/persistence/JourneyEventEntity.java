package fr.relais.journey.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One event of a journey's append-only stream; (journey, sequence) is unique, so a lost update cannot hide. */
@Entity
@Table(name = "journey_event")
@IdClass(JourneyEventEntity.Key.class)
public class JourneyEventEntity extends PanacheEntityBase {

    public record Key(UUID journeyId, long sequence) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "journey_id")
    public UUID journeyId;

    @Id
    public long sequence;

    @Column(name = "event_id")
    public UUID eventId;

    public String type;

    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;

    @Column(name = "command_id")
    public UUID commandId;

    public String channel;

    @Column(name = "actor_role")
    public String actorRole;

    @Column(name = "actor_site")
    public String actorSite;

    @Column(name = "occurred_at")
    public Instant occurredAt;
}
