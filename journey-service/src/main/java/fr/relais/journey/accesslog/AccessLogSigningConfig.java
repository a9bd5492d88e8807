package fr.relais.journey.accesslog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The access log's digest signing: the key and how often the daily digest is looked for. */
@ConfigMapping(prefix = "relais.access-log")
public interface AccessLogSigningConfig {

    /** Base64 of 32 random bytes: the Ed25519 private key (seed) that signs the digests. */
    String signingKey();

    /** The time zone whose days the daily digests close. */
    @WithDefault("Europe/Paris")
    String zone();
}
