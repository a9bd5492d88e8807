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

/** Each broken file under {@code src/test/resources/procedures-invalid/} fails with its file and line. */
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            unknown-channel        | 7  | unknown channel 'fax' in step 'identite'
            duplicate-step         | 14 | duplicate step id 'identite' (first at line 5)
            unreachable-step       | 15 | unreachable step 'formulaire' (not reachable from the first step 'identite')
            unknown-next           | 8  | unknown step 'biometrie' in 'next' of step 'identite'
            unknown-field-type     | 12 | unknown field type 'email' for field 'nom' in step 'identite' (text, date, number, choice, document)
            choice-without-options | 19 | choice field 'motif' in step 'formulaire' has no options
            bad-duration           | 17 | bad duration '10 minutes' in step 'formulaire' (ISO-8601 and positive, e.g. PT10M)
            missing-id             | 1  | missing 'id' in the procedure
            missing-version        | 1  | missing 'version' in the procedure
            bad-version            | 2  | bad 'version' 'zero' (a whole number from 1)
            unknown-key            | 16 | unknown key 'chanels' in a step
            presence-without-desk  | 26 | step 'remise' requires presence but does not allow the desk channel
            check-field-not-date   | 14 | check field 'nom' in step 'identite' must be a date (its year is the check value)
            bad-boolean            | 26 | expected true or false for 'presence' in step 'remise', got 'oui'
            no-steps               | 4  | 'steps' must be a non-empty list
            second-check-field     | 26 | a second check field 'date-mariage' in step 'formulaire' (a procedure has at most one)
            empty                  | 1  | empty procedure file
            """)
    void brokenFileNamesFileLineAndProblem(String name, int line, String problem) {
        String path = "procedures-invalid/" + name + ".yaml";
        ProcedureDefinitionException e = failure(path);
        assertEquals(path + " line " + line + ": " + problem, e.getMessage());
        assertEquals(path, e.source());
        assertEquals(line, e.line());
    }

    @Test
    void badPatternNamesTheRegexAndWhy() {
        ProcedureDefinitionException e = failure("procedures-invalid/bad-pattern.yaml");
        assertTrue(e.getMessage().startsWith("procedures-invalid/bad-pattern.yaml line 14: "
                + "bad pattern '^[0-9]{5' for field 'nom' in step 'identite': "), e.getMessage());
        ProcedureDefinitionException choice = failure("procedures-invalid/bad-pattern-choice.yaml");
        assertTrue(choice.getMessage().startsWith("procedures-invalid/bad-pattern-choice.yaml line 23: "
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
        assertEquals("procedures-invalid/wrong-dir/v1.yaml line 1: procedure id 'essai' does not match its directory 'wrong-dir'",
                failure("procedures-invalid/wrong-dir/v1.yaml").getMessage());
        assertEquals("procedures-invalid/essai/v3.yaml line 2: version 2 does not match its file name 'v3'",
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
        assertEquals("inline.yaml line 10: options given for a text field for field 'a' in step 'un' "
                + "(only choice fields have options)", e.getMessage());

        String duplicate = yaml.replace("        options: [x]\n", "      - name: a\n        type: date\n");
        ProcedureDefinitionException dup = assertThrows(ProcedureDefinitionException.class,
                () -> ProcedureReader.read("inline.yaml", new StringReader(duplicate)));
        assertEquals("inline.yaml line 10: duplicate field 'a' in step 'un'", dup.getMessage());
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
        assertEquals("inline.yaml line 5: unknown channel 'system' in step 'un'", e.getMessage());

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
