package fr.relais.messaging.inbox;

import fr.relais.events.CloudEventAttributes;
import fr.relais.events.CloudEventHeaders;
import fr.relais.events.JourneyScoped;
import fr.relais.events.appointment.AppointmentCheckedIn;
import fr.relais.events.appointment.AppointmentEvent;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InboundRecordTest {

    private static final Instant AT = Instant.parse("2031-03-04T09:00:00Z");
    private final AppointmentCheckedIn checkedIn = new AppointmentCheckedIn(UUID.randomUUID(), UUID.randomUUID(), AT,
            "site-1", "counter-1", "motif-1", "id-card", "desk-check", AT, AT.plusSeconds(900));
    private final Map<String, String> headers = new HashMap<>(
            CloudEventAttributes.forPayload("appointment-service", checkedIn, null, null).toKafkaHeaders());

    private InboundRecord record(String key, String value) {
        return InboundRecord.of(Records.message(key, headers, value));
    }

    private InboundRecord wellFormed() {
        return record(checkedIn.kafkaKey(), Records.json(checkedIn));
    }

    @Test
    void aWellFormedRecordGivesItsAttributesAndItsContractPayload() throws PoisonRecordException {
        InboundRecord record = wellFormed();

        InboundRecord.Received<AppointmentEvent> read = record.read(AppointmentEvent.class);

        assertThat(read.payload()).isEqualTo(checkedIn);
        assertThat(read.attributes().id()).isEqualTo(headers.get(CloudEventHeaders.ID)).isEqualTo(record.id());
        assertThat(read.attributes().source()).isEqualTo("appointment-service");
        assertThat(record.contract()).contains(AppointmentCheckedIn.class);
        assertThat(record.key()).isEqualTo(checkedIn.journeyId().toString());
        assertThat(record.origin().getTopic()).isEqualTo(Records.TOPIC);
        assertThat(record.tree().path("site").asText()).isEqualTo("site-1");
    }

    @Test
    void aRecordWithoutTypeIsPoisonForEveryRead() {
        headers.remove(CloudEventHeaders.TYPE);
        InboundRecord record = wellFormed();

        assertThat(record.type()).isNull();
        assertThat(record.contract()).isEmpty();
        assertThatThrownBy(record::attributes).hasMessage("missing header ce_type");
        assertThatThrownBy(record::id).hasMessage("missing header ce_type");
        assertThatThrownBy(() -> record.payload(AppointmentEvent.class)).hasMessage("missing header ce_type");
        assertThatThrownBy(record::tree).hasMessage("missing header ce_type");
    }

    @Test
    void aRecordWithoutIdOrTimeHasBadHeaders() {
        headers.remove(CloudEventHeaders.TIME);
        assertThatThrownBy(wellFormed()::attributes).isInstanceOf(PoisonRecordException.class)
                .hasMessageStartingWith("bad CloudEvents headers: ").hasMessageContaining("ce_time");

        headers.put(CloudEventHeaders.ID, " ");
        assertThatThrownBy(wellFormed()::id).hasMessage("missing header ce_id");
    }

    @Test
    void anUnknownTypeIsNamedAndCutShort() {
        headers.put(CloudEventHeaders.TYPE, "relais.journey.teleported.v1" + "x".repeat(400));
        InboundRecord record = wellFormed();

        assertThat(record.contract()).isEmpty();
        assertThatThrownBy(() -> record.payload(AppointmentEvent.class))
                .hasMessageStartingWith("unknown CloudEvents type 'relais.journey.teleported.v1")
                .hasMessageEndingWith("…'")
                .message().hasSizeLessThan(340);
    }

    @Test
    void aTypeOfAnotherKindIsRefused() {
        assertThatThrownBy(() -> wellFormed().payload(Runnable.class))
                .hasMessage("type 'relais.appointment.checked-in.v1' is not a Runnable");
    }

    @Test
    void anEmptyOrUnreadablePayloadIsPoisonWithoutEchoingIt() {
        assertThatThrownBy(() -> record(checkedIn.kafkaKey(), " ").payload(AppointmentEvent.class)).hasMessage("empty payload");
        assertThatThrownBy(() -> record(checkedIn.kafkaKey(), null).tree()).hasMessage("empty payload");

        String secret = "{\"site\": \"Jeanne Martin, 12 rue des Lilas\", ";
        assertThatThrownBy(() -> record(checkedIn.kafkaKey(), secret).payload(AppointmentEvent.class))
                .hasMessageStartingWith("unreadable relais.appointment.checked-in.v1 payload: ")
                .hasMessageNotContaining("Jeanne");
        assertThatThrownBy(() -> record(checkedIn.kafkaKey(), "[1, 2]").tree())
                .hasMessage("the relais.appointment.checked-in.v1 payload is not a JSON object");
        assertThatThrownBy(() -> record(checkedIn.kafkaKey(), "{\"site\": \"x\"}").payload(AppointmentEvent.class))
                .hasMessageStartingWith("unreadable relais.appointment.checked-in.v1 payload: ");
    }

    @Test
    void aJourneyScopedPayloadMustBeTheKeysJourney() {
        assertThatThrownBy(() -> record(UUID.randomUUID().toString(), Records.json(checkedIn)).payload(JourneyScoped.class))
                .hasMessage("record key does not match the payload's journey id");
        assertThatThrownBy(() -> record(null, Records.json(checkedIn)).payload(AppointmentEvent.class))
                .hasMessage("record key does not match the payload's journey id");
    }

    @Test
    void repeatedHeadersKeepTheirLastValue() {
        RecordHeaders kafkaHeaders = new RecordHeaders();
        kafkaHeaders.add("x-trace", "one".getBytes(StandardCharsets.UTF_8));
        kafkaHeaders.add("x-trace", "two".getBytes(StandardCharsets.UTF_8));
        kafkaHeaders.add("x-empty", null);
        InboundRecord record = InboundRecord.of(Records.message("k", kafkaHeaders, "{}", new AtomicInteger()));

        assertThat(record.headers()).containsEntry("x-trace", "two").containsEntry("x-empty", null);
        assertThat(record.value()).isEqualTo("{}");
    }
}
