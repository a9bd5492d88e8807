package fr.relais.mediation.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Physical topic names: the logical names of fr.relais.events.Topics behind an optional prefix (tests use their own). */
@ConfigMapping(prefix = "relais.topics")
public interface TopicsConfig {

    /** Unset outside tests: SmallRye Config reads an empty value as missing. */
    Optional<String> prefix();

    default String physical(String logical) {
        return prefix().orElse("") + logical;
    }
}
