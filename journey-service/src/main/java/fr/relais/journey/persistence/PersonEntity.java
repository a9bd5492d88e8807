package fr.relais.journey.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A person who follows procedures, with or without an account. Personal data: never logged, never on Kafka. */
@Entity
@Table(name = "person")
public class PersonEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "given_names")
    public String givenNames;

    @Column(name = "family_name")
    public String familyName;

    @Column(name = "name_key")
    public String nameKey;

    @Column(name = "birth_date")
    public LocalDate birthDate;

    /** {@code checked} (document seen at a desk) or {@code declared} (said on a call). */
    public String identity;

    public String phone;

    public String email;

    @Column(name = "address_line")
    public String addressLine;

    public String postcode;

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

    @Column(name = "account_subject")
    public String accountSubject;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by_role")
    public String createdByRole;

    @Column(name = "created_by_site")
    public String createdBySite;

    /** No names, dates or contact details: this string may end up in a log line. */
    @Override
    public String toString() {
        return "Person[" + id + "]";
    }
}
