package fr.relais.mediation.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A due row: an SLA of a case to look at, at {@code dueAt}; {@code firedAt} once it has been. */
@Entity
@Table(name = "sla_timer")
public class SlaTimerEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id")
    public UUID caseId;

    public String sla;

    public boolean breach;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "fired_at")
    public Instant firedAt;

    /** {@code fired} or {@code met} (the SLA was met before the timer was due: nothing to say). */
    public String result;
}
