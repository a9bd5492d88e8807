package fr.relais.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * One registered payload: its record class, CloudEvents {@code type}, and the topic it travels on.
 *
 * @param payloadClass the Java record that is the JSON {@code data}
 * @param type         {@code relais.<area>.<kebab-name>.v<n>}
 * @param topic        the main topic ({@link Topics}) producers write it to
 */
public record Contract(Class<?> payloadClass, String type, String topic) {

    /** Where a type's JSON Schema lives on the classpath. */
    public static String schemaPathOf(String type) {
        return "/schemas/" + type + ".json";
    }

    /** The classpath resource of this contract's JSON Schema (draft 2020-12). */
    public String schemaPath() {
        return schemaPathOf(type);
    }

    /** The JSON Schema document of this contract, read from the classpath. */
    public JsonNode schema() {
        try (InputStream in = Contract.class.getResourceAsStream(schemaPath())) {
            if (in == null) {
                throw new IllegalStateException("schema file missing for " + type + ": " + schemaPath());
            }
            return ContractJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
