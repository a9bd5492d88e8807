package fr.relais.appointment.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** Who owns a journey (the citizen's pseudonymous Keycloak sub), learnt from journey.events. */
@Entity
@Table(name = "journey_owner")
public class JourneyOwnerEntity extends PanacheEntityBase {

    @Id
    @Column(name = "journey_id")
    public UUID journeyId;

    @Column(name = "owner_subject")
    public String ownerSubject;
}
