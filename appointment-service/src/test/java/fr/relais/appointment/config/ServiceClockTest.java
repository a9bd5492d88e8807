package fr.relais.appointment.config;

import fr.relais.messaging.clock.ServiceClock;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.PropertiesConfigSource;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** relais.clock.offset moves the service's clock forward, so a restarted service sees an appointment as past. */
class ServiceClockTest {

    static final Instant REAL = Instant.parse("2026-03-16T08:00:00Z");
    static final Clock BASE = Clock.fixed(REAL, ZoneOffset.UTC);

    @Test
    void theOffsetIsAddedToEveryReading() {
        Clock shifted = ServiceClock.of(BASE, Duration.parse("PT26H"));
        assertThat(shifted.instant()).isEqualTo(REAL.plus(Duration.ofHours(26)));
        assertThat(shifted.millis()).isEqualTo(REAL.plus(Duration.ofHours(26)).toEpochMilli());
    }

    @Test
    void noOffsetLeavesRealTime() {
        assertThat(ServiceClock.of(BASE, Duration.ZERO)).isSameAs(BASE);
        Clock live = new AppointmentBeans().clock(Duration.ZERO);
        assertThat(Duration.between(Instant.now(), live.instant()).abs()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void theProducedBeanAppliesTheConfiguredOffsetToTheRealClock() {
        Clock clock = new AppointmentBeans().clock(Duration.ofMinutes(45));
        Duration ahead = Duration.between(Instant.now(), clock.instant());
        assertThat(ahead).isBetween(Duration.ofMinutes(45).minusSeconds(5), Duration.ofMinutes(45).plusSeconds(5));
    }

    @Test
    void theClockOnlyMovesForward() {
        assertThatThrownBy(() -> ServiceClock.of(BASE, Duration.ofHours(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("relais.clock.offset");
    }

    @Test
    void theEnvironmentVariableReachesThePropertyAndTheDefaultIsNoOffset() throws Exception {
        java.net.URL properties = ServiceClockTest.class.getResource("/application.properties");
        SmallRyeConfig withEnv = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(properties, 250))
                .withSources(new EnvConfigSource(Map.of("RELAIS_CLOCK_OFFSET", "PT2H30M"), 300))
                .build();
        assertThat(withEnv.getValue("relais.clock.offset", Duration.class)).isEqualTo(Duration.ofMinutes(150));
        SmallRyeConfig withoutEnv = new SmallRyeConfigBuilder().addDefaultInterceptors().withSources(new PropertiesConfigSource(properties, 250)).build();
        assertThat(withoutEnv.getValue("relais.clock.offset", Duration.class)).isZero();
    }
}
