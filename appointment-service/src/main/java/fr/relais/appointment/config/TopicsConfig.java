package fr.relais.appointment.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * Physical topic names: the logical names of fr.relais.events.Topics behind an optional prefix (tests use
 * their own). Copied from journey-service; to be extracted into a shared module.
 */
@ConfigMapping(prefix = "relais.topics")
public interface TopicsConfig {

    /** Undefined outside tests: SmallRye Config treats an empty value as missing. */
    Optional<String> prefix();

    default String physical(String logical) {
        return prefix().orElse("") + logical;
    }
}
