package fr.relais.notification.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A notification on one channel (see V2__notifications.sql). */
@Entity
@Table(name = "delivery")
public class DeliveryEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "notification_id")
    public UUID notificationId;
    public String channel;
    public String status;
    public String subject;
    public String body;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    public boolean deferred;
    public String error;
    @Column(name = "provider_id")
    public String providerId;
    @Column(name = "sent_at")
    public Instant sentAt;
    @Column(name = "delivered_at")
    public Instant deliveredAt;
    @Column(name = "letter_site")
    public String letterSite;
    @Column(name = "letter_day")
    public LocalDate letterDay;
}
