package fr.relais.appointment.config;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** relais.appointments.hold-duration and no-show-grace, as application.properties and the environment give them. */
class AppointmentsConfigTest {

    @Test
    void defaultsAreTenMinutesToConfirmAndFifteenMinutesGrace() throws Exception {
        AppointmentsConfig config = config(Map.of());
        assertThat(config.holdDuration()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.noShowGrace()).isEqualTo(Duration.ofMinutes(15));
        assertThat(config.maxLivePerCitizen()).as("live bookings per citizen").isEqualTo(3);
    }

    @Test
    void theEnvironmentOverridesThem() throws Exception {
        AppointmentsConfig config = config(Map.of("RELAIS_APPOINTMENTS_HOLD_DURATION", "PT3M", "RELAIS_APPOINTMENTS_NO_SHOW_GRACE", "PT5M"));
        assertThat(config.holdDuration()).isEqualTo(Duration.ofMinutes(3));
        assertThat(new AppointmentBeans().noShows(config).grace()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config(Map.of("RELAIS_APPOINTMENTS_MAX_LIVE_PER_CITIZEN", "5")).maxLivePerCitizen()).isEqualTo(5);
    }

    @Test
    void aHoldMustLastSomeTime() {
        assertThatThrownBy(() -> AppointmentBeans.requirePositive(Duration.ZERO)).hasMessageContaining("hold-duration");
        assertThatThrownBy(() -> new AppointmentBeans().noShows(new AppointmentsConfig() {
            public Duration holdDuration() {
                return Duration.ofMinutes(10);
            }

            public Duration noShowGrace() {
                return Duration.ofMinutes(-5);
            }

            public int maxLivePerCitizen() {
                return 3;
            }
        })).isInstanceOf(IllegalArgumentException.class);
    }

    private static AppointmentsConfig config(Map<String, String> env) throws Exception {
        URL properties = AppointmentsConfigTest.class.getResource("/application.properties");
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(properties, 250))
                .withSources(new EnvConfigSource(env, 300))
                .withMapping(AppointmentsConfig.class)
                .build();
        return config.getConfigMapping(AppointmentsConfig.class);
    }
}
