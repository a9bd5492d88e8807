package fr.relais.mediation.service;

import java.time.Instant;

/**
 * What a journey event says about the journey's life, for its path and the survey's access rules (experience):
 * a start (and its citizen owner), an end and how, a claim or its release, an escalation, an attachment to a citizen.
 * Owners and claimers are pseudonymous Keycloak subs; the detail is the outcome of an end, the channel of a start.
 */
public record Milestone(Kind kind, Instant at, String subject, String detail) {

    public enum Kind { STARTED, ENDED, CLAIMED, RELEASED, HANDED_OFF, ESCALATED, ATTACHED }

    /**
     * @param owner   the citizen who started it online, null when staff started it for a person
     * @param channel portal, phone or desk
     */
    public static Milestone started(Instant at, String owner, String channel) {
        return new Milestone(Kind.STARTED, at, owner, channel);
    }

    /** @param outcome completed, abandoned or cancelled */
    public static Milestone ended(Instant at, String outcome) {
        return new Milestone(Kind.ENDED, at, null, outcome);
    }

    public static Milestone claimed(Instant at, String agent) {
        return new Milestone(Kind.CLAIMED, at, agent, null);
    }

    public static Milestone released(Instant at) {
        return new Milestone(Kind.RELEASED, at, null, null);
    }

    /** Handed off to a site's queue (or to any agent): the holder lets go, the site's wait starts. */
    public static Milestone handedOff(Instant at) {
        return new Milestone(Kind.HANDED_OFF, at, null, null);
    }

    public static Milestone escalated(Instant at) {
        return new Milestone(Kind.ESCALATED, at, null, null);
    }

    /** The citizen took a journey an agent started for her (resume code): she owns it from now on. */
    public static Milestone attached(Instant at, String owner) {
        return new Milestone(Kind.ATTACHED, at, owner, null);
    }
}
