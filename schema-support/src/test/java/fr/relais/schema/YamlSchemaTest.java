package fr.relais.schema;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each kind of problem names the file, the JSON pointer, the line and what is expected. */
class YamlSchemaTest {

    private static final YamlSchema THINGS = YamlSchema.fromClasspath("things/thing.schema.json");

    private static final String VALID = """
            id: essai
            count: 2
            enabled: true
            parts:
              - name: a
                colour: red
              - name: b
            """;

    record Part(String name, String colour) {
    }

    record Thing(String id, int count, boolean enabled, List<Part> parts) {
    }

    private static YamlDocument read(String yaml) {
        return THINGS.read("things/essai.yaml", new StringReader(yaml), DocumentException::new);
    }

    private static DocumentException failure(String yaml) {
        return assertThrows(DocumentException.class, () -> read(yaml));
    }

    @Test
    void aValidFileBindsToItsRecords() {
        Thing thing = read(VALID).bind(Thing.class);
        assertThat(thing).isEqualTo(new Thing("essai", 2, true, List.of(new Part("a", "red"), new Part("b", null))));
    }

    @Test
    void aWrongTypeNamesFilePointerLineAndExpectation() {
        DocumentException e = failure(VALID.replace("count: 2", "count: two"));
        assertThat(e.getMessage()).startsWith("things/essai.yaml: at /count (line 2): ").contains("integer")
                .endsWith("(format: things/thing.schema.json)");
        assertThat(e.pointer()).isEqualTo("/count");
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void aMissingPropertyIsPlacedOnItsMapping() {
        DocumentException e = failure(VALID.replace("  - name: b\n", "  - colour: blue\n"));
        assertThat(e.getMessage()).startsWith("things/essai.yaml: at /parts/1 (line 7): ").contains("name");
    }

    @Test
    void anUnknownKeyIsPlacedOnTheKey() {
        DocumentException e = failure(VALID.replace("colour: red", "color: red"));
        assertThat(e.getMessage()).startsWith("things/essai.yaml: at /parts/0/color (line 6): ").contains("color");
    }

    @Test
    void everyProblemIsReportedInFileOrderWithCustomWording() {
        DocumentException e = failure(VALID.replace("essai", "Essai").replace("colour: red", "colour: green"));
        assertThat(e.getMessage()).startsWith("things/essai.yaml: at /id (line 1): ")
                .contains("lowercase letters, e.g. essai")
                .contains("; also at /parts/0/colour (line 6): ");
        assertThat(failure(VALID.replace("enabled: true", "enabled: oui")).getMessage())
                .startsWith("things/essai.yaml: at /enabled (line 3): ").contains("boolean expected");
        assertThat(failure(VALID.replace("parts:\n  - name: a\n    colour: red\n  - name: b\n", "parts: []\n")).getMessage())
                .startsWith("things/essai.yaml: at /parts (line 4): ").contains("at least 1");
    }

    @Test
    void syntaxErrorsDuplicateKeysAndEmptyFilesAreRefused() {
        DocumentException syntax = failure("id: essai\ncount: [1\n");
        assertThat(syntax.getMessage()).isEqualTo("things/essai.yaml line 2: not valid YAML: "
                + "while parsing a flow sequence: expected ',' or ']', but got <stream end>");
        assertThat(syntax.pointer()).isNull();
        DocumentException duplicate = failure(VALID + "count: 3\n");
        assertThat(duplicate.getMessage()).startsWith("things/essai.yaml line 8: not valid YAML: ").contains("count");
        assertThat(failure("").getMessage()).isEqualTo("things/essai.yaml line 1: empty file");
        assertThat(failure("# only a comment\n").getMessage()).isEqualTo("things/essai.yaml line 1: empty file");
    }

    @Test
    void crossFieldProblemsArePlacedByPointer() {
        YamlDocument document = read(VALID);
        assertThat(document.line("/parts/1/name")).isEqualTo(7);
        assertThat(document.line("/parts/1")).isEqualTo(7);
        assertThat(document.line("/parts")).isEqualTo(4);
        assertThat(document.line("/nowhere")).isEqualTo(1);
        assertThat(document.problem("/parts/1/name", "duplicate part 'b'").getMessage())
                .isEqualTo("things/essai.yaml: at /parts/1/name (line 7): duplicate part 'b'");
        assertThat(document.problem("", "whole").getMessage()).isEqualTo("things/essai.yaml: at / (line 1): whole");
    }

    @Test
    void aMissingSchemaIsAPackagingBug() {
        assertThatThrownBy(() -> YamlSchema.fromClasspath("things/none.schema.json"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("things/none.schema.json");
    }
}
