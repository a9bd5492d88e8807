package fr.relais.journey.service;

import fr.relais.events.journey.Actor;
import fr.relais.journey.domain.JourneyState;

import java.time.Instant;
import java.util.Set;

/**
 * Why a staff member may see or touch a journey (ARCHITECTURE.md "A journey"): the reason written to
 * the access log, or null when there is none. A mediator's reason is the journey's open mediation case in one
 * of their pools (or their own claim, or a mandate): mediators are isolated by pool, as their cases are.
 */
public final class AccessReasons {

    public static final String CLAIMED = "claimed";
    public static final String PRESENT_AT_SITE = "present-at-site";
    public static final String VERIFIED_CALL = "verified-call";
    public static final String MANDATE = "mandate";
    public static final String MEDIATION = "mediation";
    public static final String HANDOFF_TO_SITE = "handoff-to-site";
    /** A relative or helper the citizen named reads or acts for her. */
    public static final String AIDANT_MANDATE = "aidant-mandate";

    private AccessReasons() {
    }

    /**
     * @param pools the caller's mediator pools, from the token's {@code pool} claim; empty for other roles, and
     *              for commands, whose {@link Actor} carries no pool (so an open case is never their reason)
     */
    public static String of(JourneyState state, Actor actor, Set<String> pools, Instant now) {
        if (state == null) {
            return null;
        }
        if (state.claim() != null && state.claim().agentSubject().equals(actor.subject())) {
            return CLAIMED;
        }
        String role = ActorRoles.primary(actor);
        if (role.equals("phone-agent") && state.isCallerVerifiedBy(actor.subject(), now)) {
            return VERIFIED_CALL;
        }
        if (role.equals("counter-agent") && actor.site() != null) {
            if (state.isPresentAt(actor.site(), now)) {
                return PRESENT_AT_SITE;
            }
            if (state.isAwaitingHandoff() && actor.site().equals(state.handoff().site())) {
                return HANDOFF_TO_SITE;
            }
        }
        if (role.equals("mediator") && state.escalation() != null && state.escalation().pool() != null
                && pools.contains(state.escalation().pool())) {
            return MEDIATION;
        }
        if (actor.site() != null && state.validMandateFor(actor.site(), now).isPresent()) {
            return MANDATE;
        }
        return null;
    }
}
