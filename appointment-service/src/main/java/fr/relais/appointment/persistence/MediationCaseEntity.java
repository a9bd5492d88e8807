package fr.relais.appointment.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A journey's mediation case as mediation.events told it: its pool, its mediator once claimed, its resolution. */
@Entity
@Table(name = "mediation_case")
public class MediationCaseEntity extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "journey_id")
    public UUID journeyId;

    public String pool;

    public String mediator;

    @Column(name = "resolved_at")
    public Instant resolvedAt;
}
