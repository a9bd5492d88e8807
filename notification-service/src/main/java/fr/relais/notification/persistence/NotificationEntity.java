package fr.relais.notification.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One message to send about one triggering event (see V2__notifications.sql). */
@Entity
@Table(name = "notification")
public class NotificationEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "event_id")
    public String eventId;
    public String trigger;
    @Column(name = "journey_id")
    public UUID journeyId;
    @Column(name = "booking_id")
    public UUID bookingId;
    public String site;
    @Column(name = "procedure_id")
    public String procedureId;
    @Column(name = "about_at")
    public Instant aboutAt;
    @Column(name = "previous_at")
    public Instant previousAt;
    @Column(name = "until_at")
    public Instant untilAt;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    public String status;
    public String reason;
    @Column(name = "person_id")
    public UUID personId;
    @Column(name = "account_subject")
    public String accountSubject;
    public String template;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
}
