package fr.relais.mediation.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The procedure and last site of a journey; its row lock serialises the work on one journey. */
@Entity
@Table(name = "journey_context")
public class JourneyContextEntity extends PanacheEntityBase {

    @Id
    @Column(name = "journey_id")
    public UUID journeyId;

    @Column(name = "procedure_id")
    public String procedureId;

    @Column(name = "procedure_version")
    public Integer procedureVersion;

    @Column(name = "last_site")
    public String lastSite;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
