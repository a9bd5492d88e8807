package fr.relais.journey.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import fr.relais.journey.privacy.DataCipher;
import fr.relais.journey.privacy.DataProtection;
import fr.relais.journey.privacy.PersonSecrets;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A person who follows procedures, with or without an account. Personal data: never logged, never on Kafka. Her names,
 * birth date and contact details are sealed at rest with her own data key (column {@code sealed}, key wrapped in
 * {@code data_key}); she is found by the blind {@code identity_index}. Erasure destroys the key (crypto-shredding).
 */
@Entity
@Table(name = "person")
public class PersonEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Transient
    public String givenNames;

    @Transient
    public String familyName;

    @Transient
    public String nameKey;

    @Transient
    public LocalDate birthDate;

    /** {@code checked} (document seen at a desk) or {@code declared} (said on a call). */
    public String identity;

    @Transient
    public String phone;

    @Transient
    public String email;

    @Transient
    public String addressLine;

    @Transient
    public String postcode;

    @Transient
    public String city;

    @Column(name = "preferred_language")
    public String preferredLanguage;

    /** Comma-separated codes of {@code PersonNeeds}. */
    @Column(name = "accessibility_needs")
    public String accessibilityNeeds;

    @Column(name = "consent_email")
    public boolean consentEmail;

    @Column(name = "consent_sms")
    public boolean consentSms;

    @Column(name = "consent_phone")
    public boolean consentPhone;

    @Column(name = "consent_letter")
    public boolean consentLetter;

    @Column(name = "consent_surveys")
    public boolean consentSurveys;

    @Column(name = "account_subject")
    public String accountSubject;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by_role")
    public String createdByRole;

    @Column(name = "created_by_site")
    public String createdBySite;

    /** All the personal fields above, sealed with the data key ({@link PersonSecrets}). */
    public String sealed;

    /** Her data key, wrapped by a master key; null once she is erased (crypto-shredded). */
    @Column(name = "data_key")
    public String dataKey;

    /** HMAC of her normalised names and birth date: she is found by exact match without the values in clear. */
    @Column(name = "identity_index")
    public String identityIndex;

    @Column(name = "erased_at")
    public Instant erasedAt;

    /** {@code citizen} (her erasure) or {@code retention} (nothing of hers was left to keep). */
    @Column(name = "erased_reason")
    public String erasedReason;

    public static String indexOf(String nameKey, LocalDate birthDate) {
        return DataProtection.identityIndex().of(nameKey, birthDate);
    }

    /** Seals the personal fields; called by persist and after any change to them (they are not columns). */
    @PrePersist
    public void seal() {
        if (erasedAt != null) {
            return;
        }
        if (dataKey == null) {
            dataKey = DataProtection.masterKeys().newWrappedKey();
        }
        sealed = PersonSecrets.of(this).seal(DataProtection.masterKeys().unwrap(dataKey), id);
        if (nameKey != null && birthDate != null) {
            identityIndex = indexOf(nameKey, birthDate);
        }
    }

    @PostLoad
    void open() {
        if (dataKey == null || sealed == null) {
            return; // erased, or written before sealing existed and not yet reached by the sealing job
        }
        PersonSecrets.open(sealed, DataProtection.masterKeys().unwrap(dataKey), id).copyTo(this);
    }

    /** Seals another personal value of hers (a correction she asked for) with her data key. */
    public String sealValue(String value, String binding) {
        if (dataKey == null) {
            throw new IllegalStateException("person " + id + " has no data key (erased)");
        }
        return DataCipher.seal(value, DataProtection.masterKeys().unwrap(dataKey), binding);
    }

    /** Opens a value sealed by {@link #sealValue}; null once she is erased. */
    public String openValue(String stored, String binding) {
        return dataKey == null || stored == null ? null : DataCipher.open(stored, DataProtection.masterKeys().unwrap(dataKey), binding);
    }

    /** No names, dates or contact details: this string may end up in a log line. */
    @Override
    public String toString() {
        return "Person[" + id + "]";
    }
}
