package fr.relais.notification.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** What appointment.events said last about a booking. */
@Entity
@Table(name = "booking_state")
public class BookingStateEntity extends PanacheEntityBase {

    @Id
    @Column(name = "booking_id")
    public UUID bookingId;
    @Column(name = "starts_at")
    public Instant startsAt;
    public boolean cancelled;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
