package fr.relais.journey.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A command already decided, with its outcome: a redelivery is answered again, never applied twice. */
@Entity
@Table(name = "processed_command")
public class ProcessedCommandEntity extends PanacheEntityBase {

    @Id
    @Column(name = "command_id")
    public UUID commandId;

    @Column(name = "journey_id")
    public UUID journeyId;

    @JdbcTypeCode(SqlTypes.JSON)
    public String outcome;

    @Column(name = "processed_at")
    public Instant processedAt;

    /** The subject of the command's actor: only they may read its outcome (GET /commands/{id}). */
    @Column(name = "issued_by")
    public String issuedBy;
}
