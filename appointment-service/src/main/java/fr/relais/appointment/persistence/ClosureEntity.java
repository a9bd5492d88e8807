package fr.relais.appointment.persistence;

import fr.relais.appointment.domain.Closure;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/** An exceptional closure of a site: a whole day, or part of one (local times in the site's zone). */
@Entity
@Table(name = "site_closure")
public class ClosureEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "site_id")
    public String siteId;

    public LocalDate day;

    /** Null with {@link #toTime} for a whole day. */
    @Column(name = "from_time")
    public LocalTime fromTime;

    @Column(name = "to_time")
    public LocalTime toTime;

    public String reason;

    @Column(name = "created_at")
    public Instant createdAt;

    public Closure toDomain() {
        return new Closure(id, day, fromTime, toTime, reason);
    }
}
