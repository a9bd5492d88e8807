package fr.relais.journey.config;

import io.smallrye.config.ConfigMapping;

/** The key that opens the answers the gateway sealed (shared with the gateway, never on Kafka). */
@ConfigMapping(prefix = "relais.answers")
public interface AnswersConfig {

    String keyId();

    /** Base64 of 32 random bytes. */
    String key();
}
