package fr.relais.journey.procedure;

import java.util.List;
import java.util.Objects;

/**
 * One field a step collects.
 *
 * @param name       stable machine name (kebab-case), the key of the answer; never shown to citizens
 * @param label      the French label shown to citizens and agents
 * @param type       what kind of value it holds
 * @param required   whether a non-blank value must be given
 * @param pattern    a Java regular expression the whole value must match, or null
 * @param options    the allowed values of a {@link FieldType#CHOICE}, empty for other types
 * @param checkField this field (the birth date, in full) is the resume code's check value; at most one per procedure
 */
public record FieldDefinition(String name, String label, FieldType type, boolean required, String pattern,
                              List<String> options, boolean checkField) {

    public FieldDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        label = label == null ? name : label;
        options = options == null ? List.of() : List.copyOf(options);
    }
}
