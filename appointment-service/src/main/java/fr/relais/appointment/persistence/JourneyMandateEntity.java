package fr.relais.appointment.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A mandate a citizen gave a site for a journey's procedure (MandateGranted, MandateRevoked). */
@Entity
@Table(name = "journey_mandate")
public class JourneyMandateEntity extends PanacheEntityBase {

    @Id
    @Column(name = "mandate_id")
    public UUID mandateId;

    @Column(name = "journey_id")
    public UUID journeyId;

    public String site;

    @Column(name = "procedure_id")
    public String procedureId;

    @Column(name = "expires_at")
    public Instant expiresAt;

    public boolean revoked;
}
