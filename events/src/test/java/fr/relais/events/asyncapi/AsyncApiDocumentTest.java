package fr.relais.events.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import fr.relais.events.Contract;
import fr.relais.events.Contracts;
import fr.relais.events.Topics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * docs/asyncapi.json is generated from the code: this test fails when the committed file differs, so the document
 * cannot drift from the contracts; {@code ./relais contracts} (this test with -Drelais.contracts.write=true) rewrites it.
 */
class AsyncApiDocumentTest {

    private static final Path ACLS = Path.of("..", "deploy", "kafka", "acls.txt");
    private static final Path PUBLISHED = Path.of("..", "docs", "asyncapi.json");
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode document = AsyncApiDocument.build(TopicAccess.parse(readLines(ACLS)));

    @Test
    void theCommittedDocumentIsTheGeneratedOne() throws IOException {
        String generated = PRETTY.writeValueAsString(document) + "\n";
        if (Boolean.getBoolean("relais.contracts.write")) {
            Files.createDirectories(PUBLISHED.getParent());
            Files.writeString(PUBLISHED, generated, StandardCharsets.UTF_8);
        }
        assertTrue(Files.isRegularFile(PUBLISHED), PUBLISHED + " is missing: run ./relais contracts");
        assertEquals(generated, Files.readString(PUBLISHED, StandardCharsets.UTF_8),
                "docs/asyncapi.json is stale (a contract, schema, topic or ACL changed): run ./relais contracts and commit it");
    }

    @Test
    void theDocumentIsValidAsyncApi3() throws IOException {
        Schema specification;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
            specification = SchemaRegistry.withDialect(Dialects.getDraft7()).getSchema(new ObjectMapper().readTree(in));
        }
        List<Error> errors = specification.validate(document);
        assertTrue(errors.isEmpty(), "not valid AsyncAPI 3.0.0: " + errors);
    }

    @Test
    void everyContractIsAMessageOfItsTopicsChannel() {
        for (Contract contract : Contracts.all()) {
            JsonNode channel = document.path("channels").path(AsyncApiDocument.channelId(contract.topic()));
            String name = contract.payloadClass().getSimpleName();
            assertEquals("#/components/messages/" + name, channel.path("messages").path(name).path("$ref").asText(),
                    contract.type() + " missing from the channel of " + contract.topic());
            JsonNode message = document.path("components").path("messages").path(name);
            assertEquals(contract.type(), message.path("headers").path("properties").path("ce_type").path("const").asText());
            assertEquals("object", message.path("payload").path("schema").path("type").asText(), contract.type());
        }
    }

    @Test
    void everyTopicHasASenderAndAReceiverAndItsDeadLetterChannel() {
        List<String> problems = new ArrayList<>();
        for (String topic : Topics.ALL) {
            String channel = "#/channels/" + AsyncApiDocument.channelId(topic);
            if (!hasOperation("send", channel)) {
                problems.add("nobody sends " + topic);
            }
            if (!hasOperation("receive", channel)) {
                problems.add("nobody receives " + topic);
            }
            if (!document.path("channels").has(AsyncApiDocument.channelId(Topics.dlq(topic)))) {
                problems.add("no dead-letter channel for " + topic);
            }
        }
        assertTrue(problems.isEmpty(), String.join("; ", problems));
    }

    @Test
    void anAclOnAnUnknownTopicIsRefused() {
        List<TopicAccess> acls = TopicAccess.parse(List.of("journey-service WRITE journey.secrets"));
        try {
            AsyncApiDocument.build(acls);
            fail("an ACL on a topic Topics does not know must not be documented silently");
        } catch (IllegalArgumentException expected) {
            assertTrue(expected.getMessage().contains("journey.secrets"));
        }
    }

    private boolean hasOperation(String action, String channelRef) {
        for (JsonNode operation : document.path("operations")) {
            if (operation.path("action").asText().equals(action) && operation.path("channel").path("$ref").asText().equals(channelRef)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file.toAbsolutePath(), e);
        }
    }
}
