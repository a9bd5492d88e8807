package fr.relais.journey.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A staff member's read or action on a journey, with the reason that allowed it; the citizen sees these. Written only
 * through {@link fr.relais.journey.accesslog.AccessChains#append}, which links it to the previous entry of its chain.
 */
@Entity
@Table(name = "access_log")
public class AccessLogEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "journey_id")
    public UUID journeyId;

    /** Set instead of (or with) the journey for a read about the person, such as a search that found her. */
    @Column(name = "person_id")
    public UUID personId;

    public Instant at;

    @Column(name = "actor_subject")
    public String actorSubject;

    @Column(name = "actor_role")
    public String actorRole;

    @Column(name = "actor_site")
    public String actorSite;

    public String channel;

    public String action;

    public String reason;

    /** The person's chain (her person id), or the journey's while it belongs to no person record. */
    @Column(name = "chain_id")
    public UUID chainId;

    /** Position in the chain, from 1. */
    @Column(name = "chain_seq")
    public Long chainSeq;

    @Column(name = "previous_hash")
    public byte[] previousHash;

    @Column(name = "entry_hash")
    public byte[] entryHash;
}
