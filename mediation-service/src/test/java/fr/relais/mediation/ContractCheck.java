package fr.relais.mediation;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import fr.relais.events.CloudEventHeaders;
import fr.relais.events.Contract;
import fr.relais.events.ContractJson;
import fr.relais.events.Contracts;
import fr.relais.testsupport.TopicCollector;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks records written by mediation-service against the contract schemas of the events module, the way
 * a consumer would read them: registered type, key = subject = journey id, data valid (formats asserted).
 */
public final class ContractCheck {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDialect(Dialects.getDraft202012(),
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private ContractCheck() {
    }

    /** The problems of the service's records among {@code records} (empty when all are valid), and how many were checked. */
    public static List<String> problems(List<TopicCollector.Received> records, int[] checked) {
        List<String> problems = new ArrayList<>();
        for (TopicCollector.Received record : records) {
            if (!"mediation-service".equals(record.header(CloudEventHeaders.SOURCE))) {
                continue;
            }
            checked[0]++;
            String type = record.header(CloudEventHeaders.TYPE);
            Contract contract = Contracts.find(type).orElse(null);
            if (contract == null) {
                problems.add("unregistered type " + type);
                continue;
            }
            if (!record.key().equals(record.header(CloudEventHeaders.SUBJECT))) {
                problems.add(type + ": key and subject differ");
            }
            JsonNode data;
            try {
                data = ContractJson.mapper().readTree(record.value());
            } catch (IOException e) {
                problems.add(type + ": not JSON");
                continue;
            }
            if (!record.key().equals(data.path("journeyId").asText())) {
                problems.add(type + ": key is not the journey id");
            }
            List<Error> errors = SCHEMAS.computeIfAbsent(type, t -> REGISTRY.getSchema(schema(contract))).validate(data);
            errors.forEach(error -> problems.add(type + ": " + error));
        }
        return problems;
    }

    private static JsonNode schema(Contract contract) {
        try (InputStream in = Contracts.class.getResourceAsStream(contract.schemaPath())) {
            return ContractJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
