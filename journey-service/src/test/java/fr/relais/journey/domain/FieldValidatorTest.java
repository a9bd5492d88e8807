package fr.relais.journey.domain;

import fr.relais.events.channel.Channel;
import fr.relais.events.journey.CommandOutcome.FieldError;
import fr.relais.journey.procedure.FieldDefinition;
import fr.relais.journey.procedure.FieldType;
import fr.relais.journey.procedure.StepDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FieldValidatorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    private static final FieldValidator VALIDATOR = new FieldValidator();

    private static final StepDefinition STEP = new StepDefinition("essai", "Essai", Set.of(Channel.PORTAL), false,
            false, Duration.ofMinutes(5), List.of(
            new FieldDefinition("nom", "Nom", FieldType.TEXT, true, null, List.of(), false),
            new FieldDefinition("code-postal", "Code postal", FieldType.TEXT, true, "^[0-9]{5}$", List.of(), false),
            new FieldDefinition("date-naissance", "Date de naissance", FieldType.DATE, true, null, List.of(), true),
            new FieldDefinition("date-entree", "Date d'entrée", FieldType.DATE, false, null, List.of(), false),
            new FieldDefinition("loyer", "Loyer", FieldType.NUMBER, true, null, List.of(), false),
            new FieldDefinition("motif", "Motif", FieldType.CHOICE, true, null, List.of("perte", "vol"), false),
            new FieldDefinition("bail", "Bail", FieldType.DOCUMENT, true, null, List.of(), false),
            new FieldDefinition("remarque", "Remarque", FieldType.TEXT, false, null, List.of(), false)));

    private static Map<String, String> valid() {
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("nom", "Martin");
        answers.put("code-postal", "93300");
        answers.put("date-naissance", "1984-03-12");
        answers.put("loyer", "650");
        answers.put("motif", "perte");
        answers.put("bail", "doc-7f3a");
        return answers;
    }

    private static List<FieldError> with(String field, String value) {
        Map<String, String> answers = new HashMap<>(valid());
        answers.put(field, value);
        return VALIDATOR.validate(STEP, answers, TODAY);
    }

    @Test
    void validAnswersPass() {
        assertEquals(List.of(), VALIDATOR.validate(STEP, valid(), TODAY));
    }

    @Test
    void optionalFieldsMayBeBlankOrAbsent() {
        Map<String, String> answers = valid();
        answers.put("remarque", "   ");
        answers.put("date-entree", "");
        assertEquals(List.of(), VALIDATOR.validate(STEP, answers, TODAY));
    }

    @ParameterizedTest(name = "{0} = ''{1}'' breaks {2}")
    @CsvSource(delimiter = '|', textBlock = """
            nom            | ''           | required
            nom            | '   '        | required
            bail           | ' '          | required
            code-postal    | 9330         | pattern
            code-postal    | 93300a       | pattern
            date-naissance | 12/03/1984   | date
            date-naissance | 1984-02-30   | date
            date-naissance | 1984-3-12    | date
            date-naissance | 2026-03-11   | date-in-future
            date-entree    | demain       | date
            loyer          | six cents    | number
            loyer          | 1e3          | number
            motif          | Perte        | choice
            motif          | incendie     | choice
            """)
    void eachRule(String field, String value, String rule) {
        assertEquals(List.of(new FieldError(field, rule)), with(field, value));
    }

    @ParameterizedTest
    @CsvSource({"650", "650.50", "650,50", "-12", "0"})
    void numbers(String value) {
        assertEquals(List.of(), with("loyer", value));
    }

    @Test
    void birthDateTodayIsFineAndOnlyTheCheckFieldIsBoundedByToday() {
        assertEquals(List.of(), with("date-naissance", "2026-03-10"));
        assertEquals(List.of(), with("date-entree", "2027-01-01"));
    }

    @Test
    void tooLong() {
        assertEquals(List.of(new FieldError("nom", "max-length")), with("nom", "x".repeat(1001)));
    }

    @Test
    void missingAnswersAreEachNamedInFieldOrderThenUnknownOnesByName() {
        Map<String, String> answers = new HashMap<>();
        answers.put("zeta", "1");
        answers.put("alpha", "2");
        answers.put("motif", "vol");
        assertEquals(List.of(new FieldError("nom", "required"), new FieldError("code-postal", "required"),
                new FieldError("date-naissance", "required"), new FieldError("loyer", "required"),
                new FieldError("bail", "required"), new FieldError("alpha", "unknown-field"),
                new FieldError("zeta", "unknown-field")), VALIDATOR.validate(STEP, answers, TODAY));
    }

    @Test
    void nullAnswersMeanNothingAnswered() {
        assertEquals(6, VALIDATOR.validate(STEP, null, TODAY).size());
    }

    @Test
    void theClockGivesTodayInParis() {
        // 23:30 UTC on 10 March is already 11 March in Paris
        FieldValidator validator = new FieldValidator(Clock.fixed(Instant.parse("2026-03-10T23:30:00Z"), ZoneOffset.UTC));
        Map<String, String> answers = valid();
        answers.put("date-naissance", "2026-03-11");
        assertEquals(List.of(), validator.validate(STEP, answers));
    }
}
