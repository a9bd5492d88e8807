package fr.relais.mediation.persistence;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One line of a case's history: opened, claimed, contact, resolved, sla-at-risk, sla-breached… */
@Entity
@Table(name = "case_history")
public class CaseHistoryEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id")
    public UUID caseId;

    public Instant at;

    public String action;

    /** The mediator's pseudonymous sub, or "mediation-service". */
    public String actor;

    public String code;

    public String note;

    public static CaseHistoryEntity of(UUID caseId, Instant at, String action, String actor, String code, String note) {
        CaseHistoryEntity entry = new CaseHistoryEntity();
        entry.caseId = caseId;
        entry.at = at;
        entry.action = action;
        entry.actor = actor;
        entry.code = code;
        entry.note = note;
        return entry;
    }
}
