package fr.relais.appointment.domain;

import java.util.Objects;
import java.util.Set;

/**
 * A staff member as their token describes them: pseudonymous sub, the role they act as
 * ({@code counter-agent}, {@code phone-agent} or {@code mediator}), their site (none for a mediator) and,
 * for a mediator, their pools.
 */
public record StaffMember(String subject, String role, String site, Set<String> pools) {

    public static final String COUNTER_AGENT = "counter-agent";
    public static final String PHONE_AGENT = "phone-agent";
    public static final String MEDIATOR = "mediator";

    public StaffMember {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
        site = site == null || site.isBlank() ? null : site;
        pools = pools == null ? Set.of() : Set.copyOf(pools);
    }
}
