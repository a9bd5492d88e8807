package fr.relais.journey.domain;

import fr.relais.events.journey.CommandOutcome.FieldError;
import fr.relais.journey.procedure.FieldDefinition;
import fr.relais.journey.procedure.StepDefinition;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks a step's answers against its field definitions. Each field breaks at most one rule (the first one,
 * in the order below); every bad field is reported, in the step's field order, then unknown answers by name.
 * Error entries name the field and the rule, never the value.
 * <ul>
 *   <li>{@value #RULE_REQUIRED}: a required field is missing or blank (blank = not answered; an optional
 *       blank field is fine and skips the other rules);</li>
 *   <li>{@value #RULE_MAX_LENGTH}: longer than {@value #MAX_LENGTH} characters;</li>
 *   <li>{@value #RULE_DATE}: a date field that is not an existing {@code yyyy-MM-dd} date;</li>
 *   <li>{@value #RULE_NUMBER}: a number field that is not a decimal number ({@code 1234}, {@code 1234.56},
 *       {@code 1234,56}, optionally negative);</li>
 *   <li>{@value #RULE_CHOICE}: a choice field whose value is not one of its options;</li>
 *   <li>{@value #RULE_PATTERN}: the whole value does not match the field's pattern;</li>
 *   <li>{@value #RULE_DATE_IN_FUTURE}: the check field (birth date) is after today (Europe/Paris);</li>
 *   <li>{@value #RULE_UNKNOWN_FIELD}: an answer names a field the step does not have.</li>
 * </ul>
 * Document fields hold an opaque document id: any non-blank value passes.
 */
public final class FieldValidator {

    public static final String RULE_REQUIRED = "required";
    public static final String RULE_MAX_LENGTH = "max-length";
    public static final String RULE_DATE = "date";
    public static final String RULE_NUMBER = "number";
    public static final String RULE_CHOICE = "choice";
    public static final String RULE_PATTERN = "pattern";
    public static final String RULE_DATE_IN_FUTURE = "date-in-future";
    public static final String RULE_UNKNOWN_FIELD = "unknown-field";
    public static final int MAX_LENGTH = 1000;

    private static final Pattern DATE = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    private static final Pattern NUMBER = Pattern.compile("^-?[0-9]{1,15}([.,][0-9]{1,6})?$");

    private final Clock clock;

    public FieldValidator() {
        this(Clock.system(Presence.ZONE));
    }

    public FieldValidator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public List<FieldError> validate(StepDefinition step, Map<String, String> answers) {
        return validate(step, answers, LocalDate.now(clock.withZone(Presence.ZONE)));
    }

    /** @param today the date (Europe/Paris) a birth date may not be after */
    public List<FieldError> validate(StepDefinition step, Map<String, String> answers, LocalDate today) {
        Map<String, String> given = answers == null ? Map.of() : answers;
        List<FieldError> errors = new ArrayList<>();
        for (FieldDefinition field : step.fields()) {
            String rule = check(field, given.get(field.name()), today);
            if (rule != null) {
                errors.add(new FieldError(field.name(), rule));
            }
        }
        for (String name : new TreeSet<>(given.keySet())) {
            if (step.field(name) == null) {
                errors.add(new FieldError(name, RULE_UNKNOWN_FIELD));
            }
        }
        return List.copyOf(errors);
    }

    /** @return the broken rule, or null */
    private static String check(FieldDefinition field, String raw, LocalDate today) {
        if (raw == null || raw.isBlank()) {
            return field.required() ? RULE_REQUIRED : null;
        }
        if (raw.length() > MAX_LENGTH) {
            return RULE_MAX_LENGTH;
        }
        String value = raw.strip();
        switch (field.type()) {
            case DATE -> {
                LocalDate date = parseDate(value);
                if (date == null) {
                    return RULE_DATE;
                }
                if (field.checkField() && date.isAfter(today)) {
                    return RULE_DATE_IN_FUTURE;
                }
            }
            case NUMBER -> {
                if (!NUMBER.matcher(value).matches()) {
                    return RULE_NUMBER;
                }
            }
            case CHOICE -> {
                if (!field.options().contains(value)) {
                    return RULE_CHOICE;
                }
            }
            case TEXT, DOCUMENT -> {
                // any non-blank value
            }
        }
        if (field.pattern() != null && !Pattern.compile(field.pattern()).matcher(value).matches()) {
            return RULE_PATTERN;
        }
        return null;
    }

    private static LocalDate parseDate(String value) {
        if (!DATE.matcher(value).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
