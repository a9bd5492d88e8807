package fr.relais.mediation.persistence;

import fr.relais.mediation.domain.SlaTimer;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
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

    /** The case's rung on the ladder when the timer was set (0 at opening, one more after each breach). */
    public int tier;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "fired_at")
    public Instant firedAt;

    /** {@code fired} or {@code met} (the SLA was met before the timer was due: nothing to say). */
    public String result;

    /** Stores the case's timers for its current rung, in the caller's transaction. */
    public static Uni<Void> persistAll(UUID caseId, int tier, List<SlaTimer> timers) {
        return Multi.createFrom().iterable(timers).onItem().transformToUniAndConcatenate(timer -> {
            SlaTimerEntity row = new SlaTimerEntity();
            row.caseId = caseId;
            row.sla = timer.sla().wire();
            row.breach = timer.breach();
            row.tier = tier;
            row.dueAt = timer.dueAt();
            return row.persist();
        }).collect().last().replaceWithVoid();
    }
}
