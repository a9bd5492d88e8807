package fr.relais.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Loads the contract schemas from the classpath and validates JSON against them, as consumers' tests would. */
final class ContractSchemas {

    // Format assertions on: "uuid" and "date-time" must be checked, not just annotated (2020-12's default).
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDialect(Dialects.getDraft202012(),
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private ContractSchemas() {
    }

    /** The schema document itself, for tests about its shape. Fails the test if the file is missing. */
    static JsonNode schemaNode(Contract contract) {
        return contract.schema();
    }

    static List<Error> validate(Contract contract, JsonNode instance) {
        Schema schema = SCHEMAS.computeIfAbsent(contract.type(), type -> REGISTRY.getSchema(schemaNode(contract)));
        return schema.validate(instance);
    }
}
