package fr.relais.journey.procedure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.relais.events.channel.Channel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The schema documents the format the shipped files use, and what the domain knows. */
class ProcedureSchemaTest {

    private static InputStream resource(String path) {
        InputStream in = ProcedureSchemaTest.class.getClassLoader().getResourceAsStream(path);
        assertNotNull(in, path);
        return in;
    }

    @Test
    void everyShippedProcedureFileIsReadAgainstTheSchema() throws IOException {
        List<String> files = new ArrayList<>();
        try (InputStream index = resource("procedures/index.txt")) {
            new String(index.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(files::add);
        }
        assertFalse(files.isEmpty());
        for (String file : files) {
            String path = "procedures/" + file;
            try (InputStream in = resource(path)) {
                ProcedureDefinition definition = ProcedureReader.read(path, new InputStreamReader(in, StandardCharsets.UTF_8));
                assertEquals(path, "procedures/" + definition.id() + "/v" + definition.version() + ".yaml");
            }
        }
    }

    @Test
    void theSchemaNamesTheChannelsAndFieldTypesTheDomainKnows() throws IOException {
        JsonNode schema;
        try (InputStream in = resource(ProcedureReader.SCHEMA)) {
            schema = new ObjectMapper().readTree(in);
        }
        assertEquals(List.of("portal", "phone", "desk"), texts(schema.at("/$defs/channel/enum")));
        assertEquals(Arrays.stream(FieldType.values()).map(FieldType::wire).collect(Collectors.toList()),
                texts(schema.at("/$defs/field/properties/type/enum")));
        for (String wire : texts(schema.at("/$defs/channel/enum"))) {
            assertNotNull(Channel.fromWire(wire), wire);
        }
        assertFalse(schema.at("/description").asText().isBlank(), "the schema documents the format");
    }

    @Test
    void aWrongTypeAMissingValueAndAnUnknownKeyNameFilePointerLineAndExpectation() {
        String yaml = """
                id: essai
                version: 1
                steps:
                  - id: un
                    channels: [portal]
                    expectedDuration: PT1M
                    fields:
                      - name: a
                        type: text
                        required: 1
                      - label: Sans nom
                        type: date
                        colour: blue
                """;
        ProcedureDefinitionException e = assertThrows(ProcedureDefinitionException.class,
                () -> ProcedureReader.read("inline.yaml", new StringReader(yaml)));
        assertEquals("inline.yaml: at /steps/0/fields/0/required (line 10): integer found, boolean expected"
                + "; also at /steps/0/fields/1 (line 11): required property 'name' not found"
                + "; also at /steps/0/fields/1/colour (line 13): property 'colour' is not defined in the schema"
                + " and the schema does not allow additional properties"
                + " (format: procedures/procedure.schema.json)", e.getMessage());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
