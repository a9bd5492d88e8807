package fr.relais.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON settings of every Kafka payload. Producers and consumers must agree on them, so they
 * live here: ISO-8601 instants (never epoch numbers), nulls left out, unknown properties ignored
 * (a newer producer may add fields: evolution is additive).
 */
public final class ContractJson {

    private static final ObjectMapper MAPPER = newMapper();

    private ContractJson() {
    }

    /**
     * The shared, fully configured mapper. It is thread-safe as long as nobody reconfigures it:
     * call {@link #newMapper()} for a copy to customise.
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A fresh mapper with the contract settings. */
    public static ObjectMapper newMapper() {
        return configure(new ObjectMapper());
    }

    /**
     * Applies the contract settings to an existing mapper, e.g. from a Quarkus
     * {@code ObjectMapperCustomizer}, so a service's Kafka serde writes exactly what the schemas expect.
     */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
    }
}
