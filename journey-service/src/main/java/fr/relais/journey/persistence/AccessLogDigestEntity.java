package fr.relais.journey.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** A signed digest of every access-log chain's head (its heads are rows of access_log_digest_chain). */
@Entity
@Table(name = "access_log_digest")
public class AccessLogDigestEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The day the daily digest closes; null for one made on request. */
    public LocalDate day;

    @Column(name = "made_at")
    public Instant madeAt;

    public long chains;

    public long entries;

    public byte[] root;

    @Column(name = "key_id")
    public String keyId;

    public byte[] signature;
}
