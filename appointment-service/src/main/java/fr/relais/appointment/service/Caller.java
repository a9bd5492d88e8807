package fr.relais.appointment.service;

import java.util.List;
import java.util.Set;

/**
 * Who calls, from the token the gateway propagated: the pseudonymous Keycloak {@code sub}, realm roles
 * and, for staff, their site.
 */
public record Caller(String subject, Set<String> roles, String site) {

    public static final String CITIZEN = "citizen";
    public static final String COUNTER_AGENT = "counter-agent";
    public static final String PHONE_AGENT = "phone-agent";
    public static final String MEDIATOR = "mediator";
    /** Staff who may book for a citizen, with the citizen's journey as context. */
    public static final List<String> BOOKING_STAFF = List.of(COUNTER_AGENT, PHONE_AGENT, MEDIATOR);

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean isCitizen() {
        return roles.contains(CITIZEN) && BOOKING_STAFF.stream().noneMatch(roles::contains);
    }

    public boolean isBookingStaff() {
        return BOOKING_STAFF.stream().anyMatch(roles::contains);
    }

    /**
     * Counter agents work at one site (their token's {@code site} claim) and book or act only there; phone
     * agents and mediators serve citizens of every site.
     */
    public boolean isSiteBound() {
        return roles.contains(COUNTER_AGENT) && !roles.contains(PHONE_AGENT) && !roles.contains(MEDIATOR);
    }

    /** The role recorded on a booking: what the caller acted as. */
    public String actingRole() {
        return BOOKING_STAFF.stream().filter(roles::contains).findFirst().orElse(CITIZEN);
    }
}
