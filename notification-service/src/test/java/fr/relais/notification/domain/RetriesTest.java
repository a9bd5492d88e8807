package fr.relais.notification.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RetriesTest {

    @Test
    void theWaitDoublesUpToItsCeiling() {
        Retries retries = new Retries(6, Duration.ofSeconds(30), Duration.ofMinutes(30));
        assertThat(retries.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(retries.delayAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(retries.delayAfter(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(retries.delayAfter(20)).isEqualTo(Duration.ofMinutes(30));
        assertThat(retries.exhausted(5)).isFalse();
        assertThat(retries.exhausted(6)).isTrue();
    }
}
