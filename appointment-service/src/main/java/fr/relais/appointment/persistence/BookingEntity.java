package fr.relais.appointment.persistence;

import fr.relais.appointment.domain.BookingStatus;
import fr.relais.appointment.domain.TimeWindow;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A booking of one counter for one journey step. The exclusion constraint {@code booking_no_overlap}
 * (V2) is what makes two live bookings on one counter impossible; this class only carries the row.
 */
@Entity
@Table(name = "booking")
public class BookingEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "journey_id")
    public UUID journeyId;

    @Column(name = "procedure_id")
    public String procedureId;

    @Column(name = "step_id")
    public String stepId;

    @Column(name = "motif_id")
    public String motifId;

    @Column(name = "site_id")
    public String siteId;

    @Column(name = "counter_id")
    public String counterId;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    @Enumerated(EnumType.STRING)
    public BookingStatus status;

    @Column(name = "hold_expires_at")
    public Instant holdExpiresAt;

    /** The citizen's Keycloak sub (pseudonymous), when known. */
    @Column(name = "owner_subject")
    public String ownerSubject;

    @Column(name = "booked_by_subject")
    public String bookedBySubject;

    @Column(name = "booked_by_role")
    public String bookedByRole;

    @Column(name = "cancel_reason")
    public String cancelReason;

    /**
     * When notification-service first reported a reminder of this appointment sent or delivered (null: never).
     * Written only by NotificationFacts' own SQL, never by a flush of this entity: a request holding a copy read
     * before the reminder arrived must not write it back as null.
     */
    @Column(name = "reminded_at", insertable = false, updatable = false)
    public Instant remindedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public TimeWindow window() {
        return new TimeWindow(startsAt, endsAt);
    }

    /** Moves to a new status; a hold's expiry only means something while held. */
    public void changeStatus(BookingStatus next, String reason, Instant now) {
        status = next;
        if (reason != null) {
            cancelReason = reason;
        }
        if (next != BookingStatus.HELD) {
            holdExpiresAt = null;
        }
        updatedAt = now;
    }

    public void moveTo(String site, String counter, TimeWindow window, Instant now) {
        siteId = site;
        counterId = counter;
        startsAt = window.start();
        endsAt = window.end();
        updatedAt = now;
    }
}
