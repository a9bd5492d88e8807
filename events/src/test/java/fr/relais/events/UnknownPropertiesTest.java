package fr.relais.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Evolution is additive: a producer on a newer version adds fields, and an older consumer must still
 * validate and read the record (no dead-lettering just because the payload grew).
 */
class UnknownPropertiesTest {

    @TestFactory
    Stream<DynamicTest> recordsWithUnknownPropertiesStillValidateAndDeserialize() {
        return Contracts.all().stream().map(contract -> DynamicTest.dynamicTest(contract.type(), () -> {
            Object sample = Samples.of(contract.payloadClass());
            ObjectNode json = ContractJson.mapper().valueToTree(sample);
            json.put("addedInV1Point1", "some-code");
            json.putObject("addedObject").put("nested", 42);
            for (String nested : List.of("actor", "answers")) {
                JsonNode node = json.get(nested);
                if (node instanceof ObjectNode object) {
                    object.put("addedLater", true);
                }
            }

            assertEquals(List.of(), ContractSchemas.validate(contract, json));
            byte[] bytes = ContractJson.mapper().writeValueAsBytes(json);
            assertEquals(sample, ContractJson.mapper().readValue(bytes, contract.payloadClass()));
        }));
    }
}
