package fr.relais.journey.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** How to call a citizen back (personal data, stays here) and which phone agent took the call back. */
@Entity
@Table(name = "callback_contact")
public class CallbackContactEntity extends PanacheEntityBase {

    @Id
    @Column(name = "callback_id")
    public UUID callbackId;

    @Column(name = "journey_id")
    public UUID journeyId;

    public String phone;

    @Column(name = "consent_at")
    public Instant consentAt;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "claimed_at")
    public Instant claimedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Override
    public String toString() {
        return "CallbackContact[" + callbackId + "]";
    }

    public static String binding(UUID callbackId) {
        return "callback:" + callbackId;
    }
}
