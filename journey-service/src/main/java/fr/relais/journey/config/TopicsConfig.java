package fr.relais.journey.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Physical topic names: the logical names of fr.relais.events.Topics behind an optional prefix (tests use their own). */
@ConfigMapping(prefix = "relais.topics")
public interface TopicsConfig {

    @WithDefault("")
    String prefix();

    default String physical(String logical) {
        return prefix() + logical;
    }
}
