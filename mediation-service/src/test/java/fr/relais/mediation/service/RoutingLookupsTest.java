package fr.relais.mediation.service;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingLookupsTest {

    @Test
    void theDelayDoublesAfterEachFailureUpToFiveMinutes() {
        assertThat(RoutingLookups.delay(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(RoutingLookups.delay(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(RoutingLookups.delay(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(RoutingLookups.delay(7)).isEqualTo(Duration.ofMinutes(5));
        assertThat(RoutingLookups.delay(1000)).isEqualTo(Duration.ofMinutes(5));
    }
}
