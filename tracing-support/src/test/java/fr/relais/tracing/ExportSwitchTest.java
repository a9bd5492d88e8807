package fr.relais.tracing;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ExportSwitchTest {

    @Test
    void nothingConfiguredMeansNoExport() {
        assertThat(ExportSwitch.exporting(Optional.empty(), Optional.empty())).isFalse();
        assertThat(ExportSwitch.exporting(Optional.empty(), Optional.of(ExportSwitch.QUARKUS_DEFAULT_ENDPOINT))).isFalse();
        assertThat(ExportSwitch.exporting(Optional.of(" "), Optional.of(ExportSwitch.QUARKUS_DEFAULT_ENDPOINT))).isFalse();
    }

    @Test
    void anEndpointTurnsExportOn() {
        assertThat(ExportSwitch.exporting(Optional.empty(), Optional.of("http://otel-collector:4317"))).isTrue();
        assertThat(ExportSwitch.exporting(Optional.of("http://otel-collector:4317"), Optional.empty())).isTrue();
    }
}
