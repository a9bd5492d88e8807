package fr.relais.mediation;

import fr.relais.events.CloudEventAttributes;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.Escalate;
import fr.relais.testsupport.TopicCollector;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract check used by the Kafka tests does say no. */
class ContractCheckTest {

    @Test
    void aValidRecordPassesAndABrokenOneIsNamed() {
        Escalate escalate = new Escalate(UUID.randomUUID(), UUID.randomUUID(), Actor.system("mediation-service"), Instant.now(),
                UUID.randomUUID(), "friction-threshold");
        Map<String, String> headers = CloudEventAttributes.forPayload("mediation-service", escalate, null, null).toKafkaHeaders();
        String key = escalate.journeyId().toString();
        int[] checked = {0};
        assertThat(ContractCheck.problems(List.of(new TopicCollector.Received(key, headers, Bus.json(escalate), 0, 0)), checked)).isEmpty();
        String broken = Bus.json(escalate).replace("friction-threshold", "Friction Threshold");
        assertThat(ContractCheck.problems(List.of(new TopicCollector.Received(key, headers, broken, 0, 1)), checked))
                .singleElement().asString().contains("reasonCode");
        assertThat(checked[0]).isEqualTo(2);
    }
}
