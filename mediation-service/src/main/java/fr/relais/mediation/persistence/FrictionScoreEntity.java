package fr.relais.mediation.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** The latest friction score of a journey and its explanation. */
@Entity
@Table(name = "friction_score")
public class FrictionScoreEntity extends PanacheEntityBase {

    @Id
    @Column(name = "journey_id")
    public UUID journeyId;

    public double score;

    public double threshold;

    @Column(name = "policy_version")
    public int policyVersion;

    @Column(name = "procedure_id")
    public String procedureId;

    @Column(name = "evaluated_at")
    public Instant evaluatedAt;

    /** The explanation, as a JSON object {"contributions": [...]}. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String contributions;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
