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

    /** When the journey's last case was resolved: earlier signals no longer count (null: never). */
    @Column(name = "friction_reset_at")
    public Instant frictionResetAt;

    /** Experience: the journey's life as journey.events told it (null while not known). */
    @Column(name = "started_at")
    public Instant startedAt;

    /** portal, phone or desk: the channel the journey started on. */
    @Column(name = "start_channel")
    public String startChannel;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** completed, abandoned or cancelled; null while the journey runs. */
    @Column(name = "outcome")
    public String outcome;

    /** The citizen's pseudonymous sub; null for a journey staff started for a person without account. */
    @Column(name = "owner_subject")
    public String ownerSubject;

    /** The agent holding the journey (pseudonymous sub), null when nobody does. */
    @Column(name = "claimed_by")
    public String claimedBy;

    /** Whether the journey was escalated to a human at least once. */
    @Column(name = "escalated")
    public boolean escalated;

    /** The earliest signal time that still counts for a score whose signals go back to {@code since}. */
    public Instant countsFrom(Instant since) {
        return frictionResetAt != null && frictionResetAt.isAfter(since) ? frictionResetAt : since;
    }
}
