package fr.relais.events.journey;

import java.util.Set;

/**
 * The closed list of reasons a journey may be handed off to the desk or the phone
 * ({@link RequestHandoff#reasonCode()}, {@link HandoffRequested#reasonCode()}). A closed list, because a
 * free-text reason would carry whatever the citizen typed onto Kafka. journey-service rejects any other
 * code ({@code unknown-reason}); the gateway offers only these.
 */
public final class HandoffReasons {

    /** The citizen chose to continue elsewhere without saying why (the gateway's default). */
    public static final String CITIZEN_CHOICE = "citizen-choice";
    /** The citizen needs a person to help with the procedure. */
    public static final String NEEDS_HELP = "needs-help";
    /** The procedure needs the citizen's identity checked in person. */
    public static final String IDENTITY_CHECK = "identity-check";
    /** The citizen needs help with the supporting documents. */
    public static final String DOCUMENTS_HELP = "documents-help";

    private static final Set<String> ALL = Set.of(CITIZEN_CHOICE, NEEDS_HELP, IDENTITY_CHECK, DOCUMENTS_HELP);

    private HandoffReasons() {
    }

    /** Every accepted code. */
    public static Set<String> all() {
        return ALL;
    }

    public static boolean isKnown(String code) {
        return code != null && ALL.contains(code);
    }
}
