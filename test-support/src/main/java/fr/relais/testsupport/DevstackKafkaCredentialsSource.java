package fr.relais.testsupport;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.util.Set;

/**
 * Hands the local stack's Kafka passwords to a service under test ({@code @QuarkusTest}), so a module's tests run
 * against the devstack without exporting anything; below the environment, which wins where it is set.
 */
public class DevstackKafkaCredentialsSource implements ConfigSource {

    @Override
    public Set<String> getPropertyNames() {
        return KafkaCredentials.all().keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return KafkaCredentials.PASSWORD_VARIABLES.containsValue(propertyName)
                ? KafkaCredentials.variable(propertyName).orElse(null) : null;
    }

    @Override
    public String getName() {
        return "relais-devstack-kafka-credentials";
    }

    @Override
    public int getOrdinal() {
        return 150;
    }
}
