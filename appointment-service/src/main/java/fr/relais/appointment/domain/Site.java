package fr.relais.appointment.domain;

import java.util.List;
import java.util.Objects;

/**
 * A place where appointments happen: a France Services site (counters) or a phone platform (lines).
 *
 * @param department the French department code, null for a national platform
 */
public record Site(String id, String name, String department, Channel channel, OpeningHours hours,
                   List<String> counters) {

    public Site {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(hours, "hours");
        counters = List.copyOf(counters);
    }
}
