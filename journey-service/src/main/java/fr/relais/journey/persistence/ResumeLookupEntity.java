package fr.relais.journey.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One resume-code lookup attempt; the recent ones drive the rate limits per caller and per code. */
@Entity
@Table(name = "resume_lookup")
public class ResumeLookupEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String caller;

    @Column(name = "resume_code")
    public String resumeCode;

    public boolean succeeded;

    public Instant at;
}
