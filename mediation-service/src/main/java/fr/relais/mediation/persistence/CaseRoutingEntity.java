package fr.relais.mediation.persistence;

import fr.relais.mediation.domain.RequiredSkills;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The skills a case needs, once journey-service told them; a due row ({@code nextLookupAt}) while unknown. */
@Entity
@Table(name = "case_routing")
public class CaseRoutingEntity extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    /** Comma-separated codes, '' for none; null while unknown. */
    @Column(name = "required_skills")
    public String requiredSkills;

    @Column(name = "known_at")
    public Instant knownAt;

    public int attempts;

    @Column(name = "next_lookup_at")
    public Instant nextLookupAt;

    public static CaseRoutingEntity pending(UUID caseId, Instant now) {
        CaseRoutingEntity row = new CaseRoutingEntity();
        row.caseId = caseId;
        row.nextLookupAt = now;
        return row;
    }

    public RequiredSkills toDomain() {
        return RequiredSkills.fromStored(requiredSkills);
    }
}
