package fr.relais.journey.service;

import fr.relais.events.journey.Actor;
import fr.relais.journey.domain.JourneyState;

import java.time.Instant;

/**
 * Why a staff member may see or touch a journey (ARCHITECTURE.md "A journey"): the reason written to
 * the access log, or null when there is none.
 */
public final class AccessReasons {

    public static final String CLAIMED = "claimed";
    public static final String PRESENT_AT_SITE = "present-at-site";
    public static final String VERIFIED_CALL = "verified-call";
    public static final String MANDATE = "mandate";
    public static final String MEDIATION = "mediation";
    public static final String HANDOFF_TO_SITE = "handoff-to-site";

    private AccessReasons() {
    }

    public static String of(JourneyState state, Actor actor, Instant now) {
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
        if (role.equals("mediator") && state.escalation() != null) {
            return MEDIATION;
        }
        if (actor.site() != null && state.validMandateFor(actor.site(), now).isPresent()) {
            return MANDATE;
        }
        return null;
    }
}
