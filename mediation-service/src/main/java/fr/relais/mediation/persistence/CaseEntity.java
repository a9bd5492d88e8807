package fr.relais.mediation.persistence;

import fr.relais.mediation.domain.CaseOutcome;
import fr.relais.mediation.domain.CaseStatus;
import fr.relais.mediation.domain.MediationCase;
import fr.relais.mediation.domain.Priority;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The stored form of {@link MediationCase}; the rules live in the domain record. */
@Entity
@Table(name = "mediation_case")
public class CaseEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "journey_id")
    public UUID journeyId;
    public String status;
    public String priority;
    @Column(name = "priority_rank")
    public int priorityRank;
    public String pool;
    public int tier;
    public double score;
    @Column(name = "policy_version")
    public int policyVersion;
    @Column(name = "reason_code")
    public String reasonCode;
    @Column(name = "procedure_id")
    public String procedureId;
    @Column(name = "step_id")
    public String stepId;
    @Column(name = "claimed_by")
    public String claimedBy;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "claimed_at")
    public Instant claimedAt;
    @Column(name = "first_contact_at")
    public Instant firstContactAt;
    @Column(name = "resolved_at")
    public Instant resolvedAt;
    public String outcome;
    @Column(name = "first_contact_due_at")
    public Instant firstContactDueAt;
    @Column(name = "resolution_due_at")
    public Instant resolutionDueAt;
    @Column(name = "contact_attempts")
    public int contactAttempts;

    public MediationCase toDomain() {
        return new MediationCase(id, journeyId, CaseStatus.valueOf(status), Priority.valueOf(priority.toUpperCase()),
                pool, tier, score, policyVersion, reasonCode, procedureId, stepId, claimedBy, openedAt, claimedAt,
                firstContactAt, resolvedAt, outcome == null ? null : CaseOutcome.fromWire(outcome).orElseThrow(),
                firstContactDueAt, resolutionDueAt, contactAttempts);
    }

    public static CaseEntity from(MediationCase c) {
        CaseEntity entity = new CaseEntity();
        entity.id = c.id();
        entity.apply(c);
        return entity;
    }

    /** Copies the domain state onto this (managed) entity. */
    public CaseEntity apply(MediationCase c) {
        journeyId = c.journeyId();
        status = c.status().name();
        priority = c.priority().wire();
        priorityRank = c.priority().rank();
        pool = c.pool();
        tier = c.tier();
        score = c.score();
        policyVersion = c.policyVersion();
        reasonCode = c.reasonCode();
        procedureId = c.procedureId();
        stepId = c.stepId();
        claimedBy = c.claimedBy();
        openedAt = c.openedAt();
        claimedAt = c.claimedAt();
        firstContactAt = c.firstContactAt();
        resolvedAt = c.resolvedAt();
        outcome = c.outcome() == null ? null : c.outcome().wire();
        firstContactDueAt = c.firstContactDueAt();
        resolutionDueAt = c.resolutionDueAt();
        contactAttempts = c.contactAttempts();
        return this;
    }
}
