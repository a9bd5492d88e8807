package fr.relais.appointment.service;

import fr.relais.appointment.domain.StaffMember;

import java.util.List;
import java.util.Set;

/**
 * Who calls, from the token the gateway propagated: the pseudonymous Keycloak {@code sub}, realm roles
 * and, for staff, their site; for mediators, their pools ({@code pool} claim).
 */
public record Caller(String subject, Set<String> roles, String site, Set<String> pools) {

    public static final String CITIZEN = "citizen";
    public static final String COUNTER_AGENT = StaffMember.COUNTER_AGENT;
    public static final String PHONE_AGENT = StaffMember.PHONE_AGENT;
    public static final String MEDIATOR = StaffMember.MEDIATOR;
    /** Staff who may book for a citizen, with the citizen's journey as context. */
    public static final List<String> BOOKING_STAFF = List.of(COUNTER_AGENT, PHONE_AGENT, MEDIATOR);

    public Caller {
        roles = Set.copyOf(roles);
        pools = pools == null ? Set.of() : Set.copyOf(pools);
    }

    public Caller(String subject, Set<String> roles, String site) {
        this(subject, roles, site, Set.of());
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

    /** The caller as the access rules see a staff member; only for booking staff. */
    public StaffMember staff() {
        return new StaffMember(subject, actingRole(), site, pools);
    }
}
