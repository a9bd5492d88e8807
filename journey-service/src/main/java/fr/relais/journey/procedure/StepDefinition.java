package fr.relais.journey.procedure;

import fr.relais.events.channel.Channel;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One step of a procedure.
 *
 * @param id                  stable step id (kebab-case), unique within the procedure
 * @param title               French title
 * @param channels            where the step may be done: {@link Channel#PORTAL}, {@link Channel#PHONE}, {@link Channel#DESK}
 * @param presenceRequired    the citizen must be physically present: only at a desk, with a presence recorded at the agent's site
 * @param appointmentRequired the step is done by appointment (booked with appointment-service; informative for the domain)
 * @param expectedDuration    how long the step usually takes
 * @param fields              what the step collects, in display order
 */
public record StepDefinition(String id, String title, Set<Channel> channels, boolean presenceRequired,
                             boolean appointmentRequired, Duration expectedDuration, List<FieldDefinition> fields) {

    public StepDefinition {
        Objects.requireNonNull(id, "id");
        title = title == null ? id : title;
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        expectedDuration = expectedDuration == null ? Duration.ZERO : expectedDuration;
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    /** @return the field of that name, or null */
    public FieldDefinition field(String name) {
        for (FieldDefinition field : fields) {
            if (field.name().equals(name)) {
                return field;
            }
        }
        return null;
    }

    public boolean allows(Channel channel) {
        return channels.contains(channel);
    }

    /** The field whose year is the resume code's check value, if this step collects it. */
    public Optional<FieldDefinition> checkField() {
        return fields.stream().filter(FieldDefinition::checkField).findFirst();
    }
}
