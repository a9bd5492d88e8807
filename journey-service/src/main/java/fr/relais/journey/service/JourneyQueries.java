package fr.relais.journey.service;

import java.util.List;

/** Query fragments shared by the store and the read side. */
public final class JourneyQueries {

    /** Statuses of a journey that is still going on (its resume code works). */
    public static final List<String> LIVE_STATUSES = List.of("IN_PROGRESS", "HANDOFF_PENDING", "WITH_AGENT", "ESCALATED");

    private JourneyQueries() {
    }
}
