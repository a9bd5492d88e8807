package fr.relais.events.journey;

import java.util.List;

/** The closed list of call-back attempt outcomes; only {@link #REACHED} reaches the citizen. */
public final class CallbackOutcomes {

    public static final String REACHED = "reached";
    public static final String NO_ANSWER = "no-answer";
    public static final String WRONG_NUMBER = "wrong-number";
    public static final String CALL_DROPPED = "call-dropped";

    private static final List<String> ALL = List.of(REACHED, NO_ANSWER, WRONG_NUMBER, CALL_DROPPED);

    private CallbackOutcomes() {
    }

    public static List<String> all() {
        return ALL;
    }

    public static boolean isKnown(String code) {
        return code != null && ALL.contains(code);
    }
}
