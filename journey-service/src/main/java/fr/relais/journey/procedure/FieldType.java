package fr.relais.journey.procedure;

import java.util.Locale;

/**
 * What kind of value a field collects. Written lowercase in the procedure files ({@code text}, {@code date}…).
 */
public enum FieldType {
    /** Free text (a pattern may constrain it). */
    TEXT,
    /** An ISO-8601 calendar date, {@code yyyy-MM-dd}. */
    DATE,
    /** A decimal number, {@code 1234} or {@code 1234.56} (a French decimal comma is accepted too). */
    NUMBER,
    /** One of the field's {@code options}. */
    CHOICE,
    /** A reference to an uploaded document (an opaque id), validated as non-blank. */
    DOCUMENT;

    /** The name used in procedure files. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the type, or null when {@code value} names none (case-insensitive) */
    public static FieldType fromWire(String value) {
        if (value == null) {
            return null;
        }
        for (FieldType type : values()) {
            if (type.name().equalsIgnoreCase(value.trim())) {
                return type;
            }
        }
        return null;
    }
}
