package fr.relais.mediation.service;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MetricLabelsTest {

    private final MetricLabels labels = new MetricLabels(Map.of(
            "cni-renouvellement", List.of("identite", "formulaire"),
            "aide-logement", List.of("situation", "ressources")));

    @Test
    void knownProceduresAreTheirOwnLabelOthersAreOtherAndMissingIsUnknown() {
        assertThat(labels.procedure("cni-renouvellement")).isEqualTo("cni-renouvellement");
        assertThat(labels.procedure("made-up")).isEqualTo(MetricLabels.OTHER);
        assertThat(labels.procedure(null)).isEqualTo(MetricLabels.UNKNOWN);
    }

    @Test
    void aStepIsItsOwnLabelOnlyInItsProcedure() {
        assertThat(labels.step("cni-renouvellement", "formulaire")).isEqualTo("formulaire");
        // a real step of another procedure is not a step of this one
        assertThat(labels.step("cni-renouvellement", "ressources")).isEqualTo(MetricLabels.OTHER);
        assertThat(labels.step("made-up", "formulaire")).isEqualTo(MetricLabels.OTHER);
        assertThat(labels.step("aide-logement", null)).isEqualTo(MetricLabels.UNKNOWN);
    }

    @Test
    void beforeTheProcedureIsKnownAnyKnownStepIsKept() {
        assertThat(labels.step(null, "ressources")).isEqualTo("ressources");
        assertThat(labels.step(null, "etape-inventee")).isEqualTo(MetricLabels.OTHER);
    }

    @Test
    void randomIdsNeverWidenTheSetOfValues() {
        for (int i = 0; i < 1_000; i++) {
            String random = UUID.randomUUID().toString();
            assertThat(labels.procedureValues()).contains(labels.procedure(random));
            assertThat(labels.stepValues()).contains(labels.step(random, random), labels.step(null, random),
                    labels.step("aide-logement", random));
        }
        assertThat(labels.procedureValues()).containsExactlyInAnyOrder("cni-renouvellement", "aide-logement", "unknown", "other");
        assertThat(labels.stepValues()).hasSize(6);
    }
}
