package fr.relais.bench.resources;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CpuPerCommandTest {

    @Test
    void eachPartsCpuInTheRunIsDividedByItsCommandsAndTheStackSumLeavesKeycloakPrometheusAndTheGeneratorOut() {
        Map<String, Double> before = new LinkedHashMap<>();
        before.put("journey-service", 10.0);
        before.put("postgres", 4.0);
        before.put("keycloak", 1.0);
        before.put(ProcessSampler.BENCH, 2.0);
        Map<String, Double> after = new LinkedHashMap<>();
        after.put("journey-service", 13.0);
        after.put("postgres", 5.5);
        after.put("kafka", 0.5); // first seen during the run: all its CPU is the run's
        after.put("keycloak", 1.2);
        after.put(ProcessSampler.BENCH, 4.0);

        CpuPerCommand cost = CpuPerCommand.between("steady 100", 1000, 10, before, after);

        assertThat(cost.msPerCommand().get("journey-service")).isCloseTo(3.0, within(1e-9));
        assertThat(cost.msPerCommand().get("postgres")).isCloseTo(1.5, within(1e-9));
        assertThat(cost.msPerCommand().get("kafka")).isCloseTo(0.5, within(1e-9));
        assertThat(cost.msPerCommand().get(ProcessSampler.BENCH)).isCloseTo(2.0, within(1e-9));
        assertThat(cost.stackMsPerCommand()).isCloseTo(5.0, within(1e-9));
    }

    @Test
    void aRunWithoutCommandsHasNoCostPerCommand() {
        CpuPerCommand cost = CpuPerCommand.between("idle", 0, 10, Map.of("kafka", 1.0), Map.of("kafka", 2.0));

        assertThat(cost.msPerCommand().get("kafka")).isNaN();
    }
}
