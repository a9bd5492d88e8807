package fr.relais.journey.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import fr.relais.journey.privacy.DataCipher;
import fr.relais.journey.privacy.DataProtection;

import javax.crypto.SecretKey;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** The current state of one journey: the fold of its events, plus the columns that queries filter on. */
@Entity
@Table(name = "journey")
public class JourneyEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "procedure_id")
    public String procedureId;

    @Column(name = "procedure_version")
    public int procedureVersion;

    @Column(name = "citizen_subject")
    public String citizenSubject;

    public String status;

    @Column(name = "current_step")
    public String currentStep;

    public long version;

    @Column(name = "resume_code")
    public String resumeCode;

    /** The JourneyState as JSON (ContractJson). */
    @JdbcTypeCode(SqlTypes.JSON)
    public String state;

    @Column(name = "handoff_channel")
    public String handoffChannel;

    @Column(name = "handoff_site")
    public String handoffSite;

    @Column(name = "handoff_at")
    public Instant handoffAt;

    /** The person the journey belongs to; null for journeys started online before person records existed. */
    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "callback_id")
    public UUID callbackId;

    @Column(name = "callback_due_at")
    public Instant callbackDueAt;

    @Column(name = "callback_window_ends_at")
    public Instant callbackWindowEndsAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The journey's data key, wrapped by a master key: it seals her answers, check value and call-back number. */
    @Column(name = "data_key")
    public String dataKey;

    /** Set when the citizen's erasure destroyed the key and the personal rows. */
    @Column(name = "erased_at")
    public Instant erasedAt;

    /** {@code citizen} (her erasure) or {@code retention} (the procedure's period was over). */
    @Column(name = "erased_reason")
    public String erasedReason;

    @PrePersist
    void newDataKey() {
        if (dataKey == null && erasedAt == null) {
            dataKey = DataProtection.masterKeys().newWrappedKey();
        }
    }

    /** Seals a personal value of this journey; {@code binding} names the row it belongs to. */
    public String seal(String value, String binding) {
        if (erasedAt != null) {
            throw new IllegalStateException("journey " + id + " is erased: nothing personal is written for it");
        }
        if (dataKey == null) {
            dataKey = DataProtection.masterKeys().newWrappedKey(); // a journey older than sealing: persisted with this change
        }
        return DataCipher.seal(value, key(), binding);
    }

    /** Opens a value sealed by {@link #seal}; null once the journey is erased. */
    public String open(String stored, String binding) {
        if (stored == null || !DataCipher.isSealed(stored)) {
            return stored;
        }
        return dataKey == null ? null : DataCipher.open(stored, key(), binding);
    }

    private SecretKey key() {
        return DataProtection.masterKeys().unwrap(dataKey);
    }
}
