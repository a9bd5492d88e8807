package fr.relais.journey.messaging;

import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** A received record's headers as UTF-8 text, the last value of a repeated header winning. */
final class ReceivedHeaders {

    private ReceivedHeaders() {
    }

    static Map<String, String> of(IncomingKafkaRecordMetadata<?, ?> origin) {
        Map<String, String> headers = new HashMap<>();
        for (Header header : origin.getHeaders()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }
}
