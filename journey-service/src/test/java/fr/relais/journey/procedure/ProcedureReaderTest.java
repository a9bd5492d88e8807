package fr.relais.journey.procedure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each broken file under {@code src/test/resources/procedures-invalid/} fails with its file, the JSON pointer and the
 * line of the problem, and what is expected.
 */
class ProcedureReaderTest {

    private static ProcedureDefinition read(String path) throws IOException {
        try (InputStream in = ProcedureReaderTest.class.getClassLoader().getResourceAsStream(path)) {
            assertNotNull(in, path);
            return ProcedureReader.read(path, new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    private static ProcedureDefinitionException failure(String path) {
        return assertThrows(ProcedureDefinitionException.class, () -> read(path));
    }

    @Test
    void theReferenceFileIsValid() throws IOException {
        ProcedureDefinition definition = read("procedures-invalid/valid.yaml");
        assertEquals("essai", definition.id());
        assertEquals(3, definition.steps().size());
        assertTrue(definition.step("remise").presenceRequired());
    }

    /** What the schema refuses: each message ends by naming the schema that documents the format. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            unknown-channel        | /steps/0/channels/1       | 7  | expected a channel: portal, phone or desk
            unknown-field-type     | /steps/0/fields/0/type    | 12 | expected a field type: text, date, number, choice or document
            bad-duration           | /steps/1/expectedDuration | 17 | expected an ISO-8601 duration, e.g. PT10M; also at /steps/2/expectedDuration (line 27): expected an ISO-8601 duration, e.g. PT10M
            missing-id             | /                         | 1  | required property 'id' not found
            missing-version        | /                         | 1  | required property 'version' not found
            bad-version            | /version                  | 2  | string found, integer expected
            unknown-key            | /steps/1                  | 14 | required property 'channels' not found; also at /steps/1/chanels (line 16): property 'chanels' is not defined in the schema and the schema does not allow additional properties
            bad-boolean            | /steps/2/presence         | 26 | string found, boolean expected
            no-steps               | /steps                    | 4  | must have at least 1 items but found 0
            """)
    void aFileTheSchemaRefusesNamesFilePointerLineAndExpectation(String name, String pointer, int line, String problem) {
        String path = "procedures-invalid/" + name + ".yaml";
        ProcedureDefinitionException e = failure(path);
        assertEquals(path + ": at " + pointer + " (line " + line + "): " + problem
                + " (format: procedures/procedure.schema.json)", e.getMessage());
        assertEquals(path, e.source());
        assertEquals(pointer.equals("/") ? "" : pointer, e.pointer());
        assertEquals(line, e.line());
    }

    /** What the schema cannot say, checked by the reader in the same form. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            duplicate-step         | /steps/1/id                   | 14 | duplicate step id 'identite' (first at /steps/0, line 5)
            unreachable-step       | /steps/1                      | 15 | unreachable step 'formulaire' (not reachable from the first step 'identite')
            unknown-next           | /steps/0/next/1               | 8  | unknown step 'biometrie' in 'next' of step 'identite'
            choice-without-options | /steps/1/fields/0             | 19 | choice field 'motif' in step 'formulaire' has no options
            presence-without-desk  | /steps/2/presence             | 26 | step 'remise' requires presence but does not allow the desk channel
            check-field-not-date   | /steps/0/fields/0/checkField  | 14 | check field 'nom' in step 'identite' must be a date (its year is the check value)
            second-check-field     | /steps/1/fields/1             | 26 | a second check field 'date-mariage' in step 'formulaire' (a procedure has at most one, the first is 'date-naissance')
            """)
    void aFileBreakingARuleNamesFilePointerLineAndProblem(String name, String pointer, int line, String problem) {
        String path = "procedures-invalid/" + name + ".yaml";
        ProcedureDefinitionException e = failure(path);
        assertEquals(path + ": at " + pointer + " (line " + line + "): " + problem, e.getMessage());
        assertEquals(path, e.source());
        assertEquals(pointer, e.pointer());
        assertEquals(line, e.line());
    }

    @Test
    void anEmptyFileIsRefused() {
        ProcedureDefinitionException e = failure("procedures-invalid/empty.yaml");
        assertEquals("procedures-invalid/empty.yaml line 1: empty file", e.getMessage());
        assertEquals(1, e.line());
    }

    @Test
    void badPatternNamesTheRegexAndWhy() {
        ProcedureDefinitionException e = failure("procedures-invalid/bad-pattern.yaml");
        assertTrue(e.getMessage().startsWith("procedures-invalid/bad-pattern.yaml: at /steps/0/fields/0/pattern (line 14): "
                + "bad pattern '^[0-9]{5' for field 'nom' in step 'identite' (a Java regular expression): "), e.getMessage());
        ProcedureDefinitionException choice = failure("procedures-invalid/bad-pattern-choice.yaml");
        assertTrue(choice.getMessage().startsWith("procedures-invalid/bad-pattern-choice.yaml: at /steps/1/fields/0/pattern (line 23): "
                + "bad pattern '((' for field 'motif' in step 'formulaire'"), choice.getMessage());
    }

    @Test
    void yamlSyntaxErrorNamesTheLine() {
        ProcedureDefinitionException e = failure("procedures-invalid/not-yaml.yaml");
        assertTrue(e.getMessage().matches("procedures-invalid/not-yaml\\.yaml line \\d+: not valid YAML: .*"),
                e.getMessage());
        assertTrue(e.line() >= 3, "at or after the broken line: " + e.line());
    }

    @Test
    void idAndVersionMustMatchThePath() {
        assertEquals("procedures-invalid/wrong-dir/v1.yaml: at /id (line 1): procedure id 'essai' does not match its directory 'wrong-dir'",
                failure("procedures-invalid/wrong-dir/v1.yaml").getMessage());
        assertEquals("procedures-invalid/essai/v3.yaml: at /version (line 2): version 2 does not match its file name 'v3'",
                failure("procedures-invalid/essai/v3.yaml").getMessage());
    }

    @Test
    void optionsOnANonChoiceFieldAndDuplicateFields() {
        String yaml = """
                id: essai
                version: 1
                steps:
                  - id: un
                    channels: portal
                    expectedDuration: PT1M
                    fields:
                      - name: a
                        type: text
                        options: [x]
                """;
        ProcedureDefinitionException e = assertThrows(ProcedureDefinitionException.class,
                () -> ProcedureReader.read("inline.yaml", new StringReader(yaml)));
        assertEquals("inline.yaml: at /steps/0/fields/0/options (line 10): options given for a text field for field 'a' in step 'un' "
                + "(only choice fields have options)", e.getMessage());

        String duplicate = yaml.replace("        options: [x]\n", "      - name: a\n        type: date\n");
        ProcedureDefinitionException dup = assertThrows(ProcedureDefinitionException.class,
                () -> ProcedureReader.read("inline.yaml", new StringReader(duplicate)));
        assertEquals("inline.yaml: at /steps/0/fields/1/name (line 10): duplicate field 'a' in step 'un'", dup.getMessage());
    }

    @Test
    void systemIsNotAProcedureChannelAndDefaultsApply() throws IOException {
        String yaml = """
                id: essai
                version: 1
                steps:
                  - id: un
                    channels: [system]
                    expectedDuration: PT1M
                """;
        ProcedureDefinitionException e = assertThrows(ProcedureDefinitionException.class,
                () -> ProcedureReader.read("inline.yaml", new StringReader(yaml)));
        assertEquals("inline.yaml: at /steps/0/channels/0 (line 5): expected a channel: portal, phone or desk"
                + " (format: procedures/procedure.schema.json)", e.getMessage());

        ProcedureDefinition minimal = ProcedureReader.read("inline.yaml",
                new StringReader(yaml.replace("[system]", "desk")));
        StepDefinition step = minimal.first();
        assertEquals("essai", minimal.title(), "title defaults to the id");
        assertTrue(!step.presenceRequired() && !step.appointmentRequired());
        assertTrue(step.fields().isEmpty());
    }

    @Test
    void nextMayBranchSoLaterStepsStayReachable() throws IOException {
        String yaml = """
                id: essai
                version: 1
                steps:
                  - id: un
                    channels: [portal]
                    expectedDuration: PT1M
                    next: [trois, deux]
                  - id: deux
                    channels: [portal]
                    expectedDuration: PT1M
                    next: []
                  - id: trois
                    channels: [portal]
                    expectedDuration: PT1M
                """;
        ProcedureDefinition definition = ProcedureReader.read("inline.yaml", new StringReader(yaml));
        assertEquals("deux", definition.after("un").orElseThrow().id(), "the journey still follows the order");
    }
}
