package fr.relais.mediation.experience;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The path of a journey, a code from a closed list: the channels it used in a fixed order (portal, desk, phone, joined
 * by '+'), or {@code mediator} when a digital mediator took a case on it (whatever the channels).
 */
public final class PathCode {

    public static final String MEDIATOR = "mediator";
    /** The channels in the order a path names them. */
    public static final List<String> CHANNELS = List.of("portal", "desk", "phone");
    /** Every path code, in the order tables show them. */
    public static final List<String> ALL = List.of("portal", "desk", "phone", "portal+desk", "portal+phone", "desk+phone",
            "portal+desk+phone", MEDIATOR);

    private PathCode() {
    }

    /** @param channels the channels the journey used (others, e.g. system, are ignored); null when none is known */
    public static String of(Collection<String> channels, boolean mediated) {
        if (mediated) {
            return MEDIATOR;
        }
        String path = CHANNELS.stream().filter(channels::contains).collect(Collectors.joining("+"));
        return path.isEmpty() ? null : path;
    }

    /** The SQL expression of the same rule over a text array of channels and a mediated flag (PathStatistics). */
    static String sql(String channels, String mediated) {
        return "case when " + mediated + " then '" + MEDIATOR + "' else nullif(concat_ws('+', "
                + CHANNELS.stream().map(c -> "case when '" + c + "' = any(" + channels + ") then '" + c + "' end")
                .collect(Collectors.joining(", ")) + "), '') end";
    }
}
