package fr.relais.events.journey;

/** The status of a journey, as journey-service reports it (e.g. in {@link CommandOutcome#journeyStatus()}). */
public enum JourneyStatus {
    IN_PROGRESS,
    /** Waiting in a channel's / site's queue for an agent to claim it. */
    HANDOFF_PENDING,
    /** Claimed by an agent, exclusively. */
    WITH_AGENT,
    /** A mediation case is open. */
    ESCALATED,
    COMPLETED,
    ABANDONED,
    CANCELLED;

    /** A terminal journey accepts no further command. */
    public boolean isTerminal() {
        return this == COMPLETED || this == ABANDONED || this == CANCELLED;
    }
}
