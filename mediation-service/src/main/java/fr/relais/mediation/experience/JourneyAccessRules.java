package fr.relais.mediation.experience;

import fr.relais.mediation.persistence.JourneyContextEntity;

import java.util.Objects;
import java.util.Set;

/**
 * Who may answer a journey's survey, on which channel, and flag it: the rules live here, in the service that stores
 * the answers, whatever the gateway decided before.
 * <ul>
 * <li>the citizen who owns the journey, for herself, on the portal (or by the link of a text or an e-mail);</li>
 * <li>a counter agent (desk) or phone agent (phone) who holds the journey or whose site last served it: they record
 * what the citizen answered aloud;</li>
 * <li>a mediator with a case of the journey in one of their pools (desk or phone).</li>
 * </ul>
 */
public final class JourneyAccessRules {

    private static final Set<String> CITIZEN_CHANNELS = Set.of("portal", "sms", "email");

    private JourneyAccessRules() {
    }

    /** Whether the caller has any reason on this journey (reads the survey's state, flags it). */
    public static boolean hasReason(ExperienceCaller caller, JourneyContextEntity journey, boolean caseInPools) {
        if (caller.isCitizen()) {
            return journey.ownerSubject != null && journey.ownerSubject.equals(caller.subject());
        }
        if (caller.has(ExperienceCaller.COUNTER_AGENT) || caller.has(ExperienceCaller.PHONE_AGENT)) {
            if (Objects.equals(journey.claimedBy, caller.subject())
                    || (caller.site() != null && caller.site().equals(journey.lastSite))) {
                return true;
            }
        }
        return caller.has(ExperienceCaller.MEDIATOR) && caseInPools;
    }

    /** Whether the caller may record a survey on this channel for this journey (they have a reason on it). */
    public static boolean mayRecord(ExperienceCaller caller, String channel, JourneyContextEntity journey, boolean caseInPools) {
        if (!hasReason(caller, journey, caseInPools)) {
            return false;
        }
        if (caller.isCitizen()) {
            return CITIZEN_CHANNELS.contains(channel);
        }
        return switch (channel) {
            case "desk" -> caller.has(ExperienceCaller.COUNTER_AGENT) || caller.has(ExperienceCaller.MEDIATOR);
            case "phone" -> caller.has(ExperienceCaller.PHONE_AGENT) || caller.has(ExperienceCaller.MEDIATOR);
            default -> false;
        };
    }

    /** The staff role a flag records: what the caller acted as (never who). */
    public static String actingRole(ExperienceCaller caller) {
        for (String role : new String[] {ExperienceCaller.COUNTER_AGENT, ExperienceCaller.PHONE_AGENT, ExperienceCaller.MEDIATOR}) {
            if (caller.has(role)) {
                return role;
            }
        }
        return null;
    }
}
