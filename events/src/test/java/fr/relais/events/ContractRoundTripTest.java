package fr.relais.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every registered payload survives the trip a real record makes: Java, JSON bytes, schema check, Java. */
class ContractRoundTripTest {

    private final ObjectMapper mapper = ContractJson.mapper();

    @TestFactory
    Stream<DynamicTest> everyRegisteredTypeRoundTripsAndMatchesItsSchema() {
        return Contracts.all().stream().map(contract -> DynamicTest.dynamicTest(contract.type(), () -> {
            Object sample = Samples.of(contract.payloadClass());

            byte[] json = mapper.writeValueAsBytes(sample);
            JsonNode tree = mapper.readTree(json);
            assertEquals(List.of(), ContractSchemas.validate(contract, tree),
                    "schema errors for " + tree);

            Object back = mapper.readValue(json, contract.payloadClass());
            assertEquals(sample, back);
        }));
    }
}
