package fr.relais.mediation.domain;

/** open (in the pool's queue) -> claimed (one mediator) -> resolved (with an outcome). A breach puts a claimed case back to open. */
public enum CaseStatus {
    OPEN,
    CLAIMED,
    RESOLVED
}
