package fr.relais.events;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.events.appointment.BookingAccessed;
import fr.relais.events.channel.Channel;
import fr.relais.events.channel.Touchpoint;
import fr.relais.events.channel.TouchpointKind;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.CommandOutcome;
import fr.relais.events.journey.GrantMandate;
import fr.relais.events.journey.JourneyStatus;
import fr.relais.events.journey.MandateDuration;
import fr.relais.events.journey.SealedAnswers;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schemas are handwritten: these checks keep them in step with the Java records and with each other. */
class SchemaShapeTest {

    @Test
    void everySchemaIsDraft202012WithAnIdAndOpenToAdditions() {
        for (Contract contract : Contracts.all()) {
            JsonNode schema = ContractSchemas.schemaNode(contract);
            assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText(), contract.type());
            assertEquals("urn:relais:schema:" + contract.type(), schema.path("$id").asText());
            assertEquals("object", schema.path("type").asText());
            // Additive evolution: a reader validating against v1 must accept a record carrying newer fields.
            schema.findParents("additionalProperties").forEach(node ->
                    assertNotEquals("false", node.get("additionalProperties").toString(), contract.type()));
        }
    }

    @Test
    void schemaPropertiesAreExactlyTheRecordComponents() {
        for (Contract contract : Contracts.all()) {
            JsonNode schema = ContractSchemas.schemaNode(contract);
            assertEquals(componentNames(contract.payloadClass()), fieldNames(schema.path("properties")), contract.type());
            Set<String> required = textValues(schema.path("required"));
            assertTrue(fieldNames(schema.path("properties")).containsAll(required), contract.type());
            assertSharedDefMatches(schema, "actor", Actor.class);
            assertSharedDefMatches(schema, "sealedAnswers", SealedAnswers.class);
            assertSharedDefMatches(schema, "fieldError", CommandOutcome.FieldError.class);
        }
    }

    /** Each schema stands alone (no cross-file $ref), so shared definitions are copied: copies must not drift. */
    @Test
    void sharedDefinitionsAreIdenticalInEverySchema() {
        Map<String, JsonNode> firstSeen = new HashMap<>();
        for (Contract contract : Contracts.all()) {
            ContractSchemas.schemaNode(contract).path("$defs").properties().forEach(def -> {
                JsonNode first = firstSeen.putIfAbsent(def.getKey(), def.getValue());
                if (first != null) {
                    assertEquals(first, def.getValue(), "$defs/" + def.getKey() + " differs in " + contract.type());
                }
            });
        }
        assertFalse(firstSeen.isEmpty());
    }

    @Test
    void schemaEnumsAreTheJavaEnumsWireValues() {
        JsonNode outcome = schemaOf(CommandOutcome.class);
        assertEquals(names(CommandOutcome.Status.values()), textValues(outcome.at("/properties/status/enum")));
        assertEquals(names(JourneyStatus.values()), textValues(outcome.at("/properties/journeyStatus/enum")));

        JsonNode grant = schemaOf(GrantMandate.class);
        assertEquals(names(MandateDuration.values()), textValues(grant.at("/properties/duration/enum")));
        assertEquals(wires(Channel.values()), textValues(grant.at("/$defs/actor/properties/channel/enum")));

        JsonNode accessed = schemaOf(BookingAccessed.class);
        assertEquals(new TreeSet<>(BookingAccessed.ACTIONS), textValues(accessed.at("/properties/action/enum")));
        assertEquals(new TreeSet<>(BookingAccessed.REASONS), textValues(accessed.at("/properties/reason/enum")));
        assertEquals(new TreeSet<>(BookingAccessed.STAFF_ROLES), textValues(accessed.at("/properties/staffRole/enum")));

        JsonNode touchpoint = schemaOf(Touchpoint.class);
        assertEquals(Arrays.stream(TouchpointKind.values()).map(TouchpointKind::wire).collect(Collectors.toSet()),
                textValues(touchpoint.at("/properties/kind/enum")));
        // People work on portal, phone and desk; "system" is only ever an actor's channel.
        Set<String> human = wires(Channel.values());
        human.remove(Channel.SYSTEM.wire());
        assertEquals(human, textValues(touchpoint.at("/$defs/humanChannel/enum")));
    }

    private static void assertSharedDefMatches(JsonNode schema, String def, Class<?> recordClass) {
        JsonNode properties = schema.path("$defs").path(def).path("properties");
        if (!properties.isMissingNode()) {
            assertEquals(componentNames(recordClass), fieldNames(properties), "$defs/" + def);
        }
    }

    private static JsonNode schemaOf(Class<?> payloadClass) {
        return ContractSchemas.schemaNode(Contracts.find(payloadClass).orElseThrow());
    }

    private static Set<String> componentNames(Class<?> recordClass) {
        return Arrays.stream(recordClass.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> textValues(JsonNode array) {
        assertTrue(array.isArray(), "expected an array, got " + array);
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> wires(Channel[] values) {
        return Arrays.stream(values).map(Channel::wire).collect(Collectors.toCollection(TreeSet::new));
    }
}
