package fr.relais.journey.procedure;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.util.List;

/**
 * A procedure file as written, once {@code procedures/procedure.schema.json} accepted it: the schema documents
 * the format, these records mirror it, and {@link ProcedureReader} turns them into a {@link ProcedureDefinition}.
 * Absent optional values are null. A key written once where a list is expected is a list of one.
 */
record ProcedureFile(String id, int version, String title, List<Step> steps, Retention retention) {

    /** ISO-8601 periods (P5Y, P6M), each optional: the default stands for an absent one. */
    record Retention(String completed, String abandoned) {
    }

    record Step(String id, String title,
                @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> channels,
                Boolean presence, Boolean appointment, String expectedDuration, List<Field> fields,
                @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> next) {
    }

    record Field(String name, String label, String type, Boolean required, String pattern,
                 @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> options,
                 Boolean checkField) {
    }
}
