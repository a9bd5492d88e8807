package fr.relais.messaging;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Physical topic names: the logical names of fr.relais.events.Topics behind an optional prefix (tests use their own). */
@ConfigMapping(prefix = "relais.topics")
public interface TopicsConfig {

    /** Empty in production (an empty property counts as absent, hence Optional). */
    Optional<String> prefix();

    default String physical(String logical) {
        return prefix().orElse("") + logical;
    }
}
