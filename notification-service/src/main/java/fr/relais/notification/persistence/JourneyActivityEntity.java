package fr.relais.notification.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Whether a journey waits on its citizen, and since when (for the nudge). */
@Entity
@Table(name = "journey_activity")
public class JourneyActivityEntity extends PanacheEntityBase {

    @Id
    @Column(name = "journey_id")
    public UUID journeyId;
    @Column(name = "waiting_since")
    public Instant waitingSince;
    public boolean ended;
    @Column(name = "handoff_site")
    public String handoffSite;
    @Column(name = "last_site")
    public String lastSite;
    @Column(name = "nudged_for")
    public Instant nudgedFor;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
