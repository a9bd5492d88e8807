package fr.relais.appointment.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A timer that survives restarts: hold expiry, a reminder or a no-show check of one booking, due at a time. */
@Entity
@Table(name = "scheduled_job")
public class ScheduledJobEntity extends PanacheEntityBase {

    public static final String HOLD_EXPIRY = "HOLD_EXPIRY";
    public static final String REMINDER = "REMINDER";
    public static final String NO_SHOW = "NO_SHOW";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "booking_id")
    public UUID bookingId;

    public String kind;

    /** The reminder offset, e.g. h48. */
    public String code;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "done_at")
    public Instant doneAt;

    public String outcome;

    public static ScheduledJobEntity of(UUID bookingId, String kind, String code, Instant due) {
        ScheduledJobEntity job = new ScheduledJobEntity();
        job.bookingId = bookingId;
        job.kind = kind;
        job.code = code;
        job.dueAt = due;
        return job;
    }
}
