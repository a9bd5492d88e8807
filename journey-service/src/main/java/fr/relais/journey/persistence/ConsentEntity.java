package fr.relais.journey.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One consent of a person: its purpose, when and through which channel it was given, and withdrawn (null while in force). */
@Entity
@Table(name = "consent")
public class ConsentEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "person_id")
    public UUID personId;

    /** A {@code ConsentPurpose} code. */
    public String purpose;

    @Column(name = "given_at")
    public Instant givenAt;

    /** portal, desk, phone, system; {@code record} for the consents recorded before they were dated. */
    @Column(name = "given_via")
    public String givenVia;

    @Column(name = "given_by_role")
    public String givenByRole;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawn_via")
    public String withdrawnVia;

    @Column(name = "withdrawn_by_role")
    public String withdrawnByRole;
}
