package fr.relais.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import fr.relais.events.appointment.BookingAccessed;
import fr.relais.events.channel.Touchpoint;
import fr.relais.events.journey.CommandOutcome;
import fr.relais.events.journey.GrantMandate;
import fr.relais.events.journey.StartJourney;
import fr.relais.events.journey.StepCompleted;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schemas are what producers' tests check against: they must say no to what a consumer cannot use. */
class SchemaRejectionTest {

    @TestFactory
    Stream<DynamicTest> aPayloadMissingAnyRequiredFieldFailsItsSchema() {
        return Contracts.all().stream().flatMap(contract -> {
            JsonNode required = ContractSchemas.schemaNode(contract).path("required");
            return StreamSupport.stream(required.spliterator(), false).map(JsonNode::asText).map(field ->
                    DynamicTest.dynamicTest(contract.type() + " without " + field, () -> {
                        ObjectNode json = sample(contract.payloadClass());
                        json.remove(field);
                        List<Error> errors = ContractSchemas.validate(contract, json);
                        assertTrue(errors.stream().anyMatch(e -> "required".equals(e.getKeyword())),
                                "expected a 'required' error, got " + errors);
                    }));
        });
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource({
            // wrong enum values, including the Java constant names where the wire form differs
            "StartJourney,      /actor/channel,  fax",
            "StartJourney,      /actor/channel,  PORTAL",
            "Touchpoint,        /kind,           VALIDATION_ERROR",
            "Touchpoint,        /channel,        system",
            "GrantMandate,      /duration,       ONE_YEAR",
            "CommandOutcome,    /status,         MAYBE",
            "CommandOutcome,    /journeyStatus,  PAUSED",
            "BookingAccessed,   /action,         delete",
            "BookingAccessed,   /reason,         curiosity",
            // personal data cannot hide in ids and codes
            "StartJourney,      /actor/subject,  camille.martin@example.org",
            "StartJourney,      /procedureId,    Camille Martin",
            "StepCompleted,     /stepId,         12 rue des Lilas",
            "BookingAccessed,   /staffSubject,   agnes.durand@example.org",
            // ids and instants keep their formats
            "StartJourney,      /journeyId,      not-a-uuid",
            "StartJourney,      /issuedAt,       yesterday",
    })
    void aWrongValueFailsItsSchema(String payload, String pointer, String value) {
        Contract contract = contractNamed(payload);
        ObjectNode json = sample(contract.payloadClass());
        ObjectNode parent = (ObjectNode) json.at(pointer.substring(0, pointer.lastIndexOf('/')));
        parent.put(pointer.substring(pointer.lastIndexOf('/') + 1), value);
        assertFalse(ContractSchemas.validate(contract, json).isEmpty(), "accepted " + json);
    }

    @Test
    void aRejectionNeedsAReasonAndAnAcceptanceHasNone() {
        Contract contract = Contracts.find(CommandOutcome.class).orElseThrow();
        ObjectNode rejected = sample(CommandOutcome.class);
        rejected.remove("reason");
        assertFalse(ContractSchemas.validate(contract, rejected).isEmpty());

        ObjectNode accepted = sample(CommandOutcome.class);
        accepted.put("status", "ACCEPTED");
        assertFalse(ContractSchemas.validate(contract, accepted).isEmpty(), "accepted with a reason");
        accepted.remove("reason");
        assertEquals(List.of(), ContractSchemas.validate(contract, accepted));
    }

    @Test
    void anActorMissingItsSubjectFails() {
        Contract contract = Contracts.find(StartJourney.class).orElseThrow();
        ObjectNode json = sample(StartJourney.class);
        ((ObjectNode) json.get("actor")).remove("subject");
        assertFalse(ContractSchemas.validate(contract, json).isEmpty());
    }

    private static ObjectNode sample(Class<?> payloadClass) {
        return ContractJson.mapper().valueToTree(Samples.of(payloadClass));
    }

    private static Contract contractNamed(String simpleName) {
        return Stream.of(StartJourney.class, Touchpoint.class, GrantMandate.class, CommandOutcome.class,
                        StepCompleted.class, BookingAccessed.class)
                .filter(c -> c.getSimpleName().equals(simpleName))
                .map(c -> Contracts.find(c).orElseThrow())
                .findFirst().orElseThrow(() -> new AssertionError("no payload named " + simpleName));
    }
}
