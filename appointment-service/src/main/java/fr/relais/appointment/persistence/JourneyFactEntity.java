package fr.relais.appointment.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** What journey.events told this service about a journey: its owner, procedure, and the staff access facts (V6). */
@Entity
@Table(name = "journey_fact")
public class JourneyFactEntity extends PanacheEntityBase {

    @Id
    @Column(name = "journey_id")
    public UUID journeyId;

    /** The citizen's pseudonymous Keycloak sub; null when staff started the journey for a person without account. */
    @Column(name = "owner_subject")
    public String ownerSubject;

    @Column(name = "procedure_id")
    public String procedureId;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "handoff_site")
    public String handoffSite;

    @Column(name = "present_site")
    public String presentSite;

    @Column(name = "present_at")
    public Instant presentAt;

    @Column(name = "verified_by")
    public String verifiedBy;

    @Column(name = "verified_until")
    public Instant verifiedUntil;

    @Column(name = "ended_at")
    public Instant endedAt;
}
