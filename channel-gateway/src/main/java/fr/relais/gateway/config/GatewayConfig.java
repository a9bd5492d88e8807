package fr.relais.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "relais.gateway")
public interface GatewayConfig {

    /** How long a request waits for its command's outcome before answering 202 with a URL to poll. */
    @WithDefault("PT4S")
    Duration outcomeWait();

    /** How long a phone agent may act after verifying a caller (the time box). */
    @WithDefault("PT15M")
    Duration callerVerification();

    /** Live streams (server-sent events of one journey). */
    Live live();

    interface Live {

        /** How often an open stream asks journey-service again whether its caller may still watch. */
        @WithDefault("PT15S")
        Duration recheck();

        /** How many live streams one caller may hold open at once, on all instances together (live_stream rows). */
        @WithDefault("5")
        int maxStreamsPerCaller();
    }

    /** Physical topic names are the logical ones of fr.relais.events.Topics behind this prefix (tests use their own). */
    Optional<String> topicPrefix();

    /** The physical topic of a logical name (an empty prefix counts as absent, hence Optional). */
    default String topic(String logical) {
        return topicPrefix().orElse("") + logical;
    }
}
