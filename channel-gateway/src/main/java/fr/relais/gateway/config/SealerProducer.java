package fr.relais.gateway.config;

import fr.relais.events.journey.AnswerSealer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Seals form answers before they travel on Kafka: only journey-service holds the same key. */
@ApplicationScoped
public class SealerProducer {

    @Produces
    @Singleton
    AnswerSealer sealer(@ConfigProperty(name = "relais.answers.key-id") String keyId,
                        @ConfigProperty(name = "relais.answers.key") String key) {
        return AnswerSealer.fromBase64(keyId, key);
    }
}
