package fr.relais.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.UncheckedIOException;
import java.util.Map;

/** The committed form of a generated JSON document: keys sorted, two-space indents, one final newline, so diffs stay small. */
public final class PublishedDocuments {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private PublishedDocuments() {
    }

    public static String canonical(String json) {
        try {
            Object tree = MAPPER.readValue(json, Map.class);
            return MAPPER.writeValueAsString(tree) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
