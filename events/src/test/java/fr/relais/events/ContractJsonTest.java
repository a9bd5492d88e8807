package fr.relais.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.JsonMappingException;
import fr.relais.events.channel.Touchpoint;
import fr.relais.events.journey.StepCompleted;
import org.junit.jupiter.api.Test;

import java.util.List;

import static fr.relais.events.Samples.AT;
import static fr.relais.events.Samples.CITIZEN;
import static fr.relais.events.Samples.JOURNEY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ContractJsonTest {

    private final ObjectMapper mapper = ContractJson.mapper();

    @Test
    void writesTheWireFormsConsumersAndMetricsExpect() {
        JsonNode json = mapper.valueToTree(Samples.of(Touchpoint.class));
        assertEquals("validation-error", json.get("kind").asText());
        assertEquals("portal", json.get("channel").asText());
        assertEquals("2026-03-12T09:15:30.125Z", json.get("occurredAt").asText());
        assertFalse(json.has("site"), "nulls are left out");
    }

    @Test
    void anOptionalFieldLeftOutReadsBackAsNull() throws Exception {
        StepCompleted last = new StepCompleted(JOURNEY, 9, AT, CITIZEN, "remise", null, List.of());
        String json = mapper.writeValueAsString(last);
        assertFalse(json.contains("nextStepId"));
        assertEquals(last, mapper.readValue(json, StepCompleted.class));
    }

    /** A record a consumer cannot read must fail loudly, so it goes to the dead-letter topic. */
    @Test
    void unreadableRecordsFailInsteadOfBecomingHalfEmptyPayloads() throws Exception {
        String json = mapper.writeValueAsString(Samples.of(Touchpoint.class));
        assertThrows(JsonMappingException.class,
                () -> mapper.readValue(json.replace("validation-error", "VALIDATION_ERROR"), Touchpoint.class));
        assertThrows(ValueInstantiationException.class,
                () -> mapper.readValue(json.replace("\"journeyId\"", "\"journeyID\""), Touchpoint.class));
    }

    @Test
    void configureGivesAnyMapperTheContractSettings() throws Exception {
        ObjectMapper quarkusLike = ContractJson.configure(new ObjectMapper());
        Object sample = Samples.of(Touchpoint.class);
        assertEquals(mapper.writeValueAsString(sample), quarkusLike.writeValueAsString(sample));
    }
}
