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

/** The current state of one journey: the fold of its events, plus the columns that queries filter on. */
@Entity
@Table(name = "journey")
public class JourneyEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "procedure_id")
    public String procedureId;

    @Column(name = "procedure_version")
    public int procedureVersion;

    @Column(name = "citizen_subject")
    public String citizenSubject;

    public String status;

    @Column(name = "current_step")
    public String currentStep;

    public long version;

    @Column(name = "resume_code")
    public String resumeCode;

    /** The JourneyState as JSON (ContractJson). */
    @JdbcTypeCode(SqlTypes.JSON)
    public String state;

    @Column(name = "handoff_channel")
    public String handoffChannel;

    @Column(name = "handoff_site")
    public String handoffSite;

    @Column(name = "handoff_at")
    public Instant handoffAt;

    /** The person the journey belongs to; null for journeys started online before person records existed. */
    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "callback_id")
    public UUID callbackId;

    @Column(name = "callback_due_at")
    public Instant callbackDueAt;

    @Column(name = "callback_window_ends_at")
    public Instant callbackWindowEndsAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
