package fr.relais.journey.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One form answer: personal data, kept here and never in an event. */
@Entity
@Table(name = "journey_answer")
@IdClass(AnswerEntity.Key.class)
public class AnswerEntity extends PanacheEntityBase {

    public record Key(UUID journeyId, String stepId, String field) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }

    @Id
    @Column(name = "journey_id")
    public UUID journeyId;

    @Id
    @Column(name = "step_id")
    public String stepId;

    @Id
    public String field;

    public String value;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** What an answer's sealed value is bound to: copied into another row, it does not open. */
    public static String binding(UUID journeyId, String stepId, String field) {
        return "answer:" + journeyId + ":" + stepId + ":" + field;
    }
}
