package fr.relais.mediation.experience;

import fr.relais.security.StaffClaims;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Set;

/**
 * Who calls the experience API, from their own token: the pseudonymous sub, the roles that matter here, a staff
 * member's site, a mediator's pools, a procedure owner's procedures.
 */
public record ExperienceCaller(String subject, Set<String> roles, String site, Set<String> pools, Set<String> procedures) {

    public static final String CITIZEN = "citizen";
    public static final String COUNTER_AGENT = "counter-agent";
    public static final String PHONE_AGENT = "phone-agent";
    public static final String MEDIATOR = "mediator";
    public static final String PROCEDURE_OWNER = "procedure-owner";
    public static final String OPS = "ops";
    public static final String ADMIN = "admin";
    private static final Set<String> KNOWN = Set.of(CITIZEN, COUNTER_AGENT, PHONE_AGENT, MEDIATOR, PROCEDURE_OWNER, OPS, ADMIN);

    public ExperienceCaller {
        roles = Set.copyOf(roles);
        pools = Set.copyOf(pools);
        procedures = Set.copyOf(procedures);
    }

    public static ExperienceCaller of(SecurityIdentity identity, JsonWebToken token) {
        Set<String> roles = Set.copyOf(identity.getRoles().stream().filter(KNOWN::contains).toList());
        return new ExperienceCaller(token.getSubject(), roles, StaffClaims.site(token),
                roles.contains(MEDIATOR) ? StaffClaims.pools(token) : Set.of(),
                roles.contains(PROCEDURE_OWNER) ? StaffClaims.procedures(token) : Set.of());
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** A citizen acting for herself: no staff role beside it. */
    public boolean isCitizen() {
        return roles.equals(Set.of(CITIZEN));
    }

    /** Reads every procedure's experience: operations and administration. */
    public boolean readsAllProcedures() {
        return has(OPS) || has(ADMIN);
    }

    /** Reads (and moderates) this procedure's experience: its owner, operations, administration. */
    public boolean reads(String procedureId) {
        return readsAllProcedures() || (has(PROCEDURE_OWNER) && procedures.contains(procedureId));
    }

    /** Answers citizens publicly for this procedure: its owner only. */
    public boolean answersFor(String procedureId) {
        return has(PROCEDURE_OWNER) && procedures.contains(procedureId);
    }
}
