package fr.relais.journey.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A citizen's request to correct her identity on her person record; the requested value is sealed with her key. */
@Entity
@Table(name = "correction_request")
public class CorrectionRequestEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "person_id")
    public UUID personId;

    /** given-names, family-name, birth-date */
    public String field;

    /** Sealed with the person's data key ({@link #binding}). */
    @Column(name = "requested_value")
    public String requestedValue;

    /** open, applied, refused */
    public String status;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_site")
    public String decidedSite;

    @Column(name = "refusal_reason")
    public String refusalReason;

    public static String binding(UUID id) {
        return "correction:" + id;
    }

    @Override
    public String toString() {
        return "CorrectionRequest[" + id + "]";
    }
}
