package fr.relais.mediation.policy;

import fr.relais.mediation.domain.FrictionPolicy;
import fr.relais.mediation.domain.Priority;
import fr.relais.mediation.domain.SignalKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyReaderTest {

    static final String VALID = """
            version: 1
            threshold: 10
            signals:
              validation-error: { weight: 2, window: PT2H, halfLife: PT1H }
              went-back:        { weight: 1.5, window: PT2H, halfLife: PT1H, minOccurrences: 3 }
            priorities:
              urgent: { minScore: 20 }
            sla:
              urgent: { firstContact: PT1H,  resolution: PT8H }
              high:   { firstContact: PT4H,  resolution: PT24H }
              normal: { firstContact: PT24H, resolution: P3D }
            routing:
              defaultPool: "93"
            procedures:
              aide-logement:
                signals:
                  validation-error: { weight: 3 }
            """;

    @Test
    void theShippedPolicyLoads() {
        FrictionPolicy policy = PolicyReader.fromClasspath("friction-policy/v1.yaml");
        assertThat(policy.version()).isEqualTo(1);
        assertThat(policy.threshold()).isEqualTo(10.0);
        assertThat(policy.thresholdFor("cni-renouvellement")).isEqualTo(8.0);
        assertThat(policy.rulesFor("cni-renouvellement").get(SignalKind.IDENTITY_CHECK_FAILED).weight()).isEqualTo(8.0);
        assertThat(policy.rulesFor("cni-renouvellement").get(SignalKind.IDENTITY_CHECK_FAILED).window()).isEqualTo(Duration.ofHours(24));
        assertThat(policy.signals()).containsKeys(SignalKind.VALIDATION_ERROR, SignalKind.HELP_REQUESTED, SignalKind.STEP_IDLE,
                SignalKind.SESSION_ABANDONED, SignalKind.CALL_DROPPED, SignalKind.IDENTITY_CHECK_FAILED, SignalKind.NO_SHOW,
                SignalKind.CHANNEL_PING_PONG, SignalKind.WENT_BACK);
        assertThat(policy.slaFor(Priority.URGENT).firstContact()).isEqualTo(Duration.ofHours(1));
        assertThat(policy.atRiskRatio()).isEqualTo(0.8);
        assertThat(policy.routing().poolFor("fs-gueret")).isEqualTo("23");
        // "I need help" alone opens a case
        assertThat(policy.signals().get(SignalKind.HELP_REQUESTED).weight()).isGreaterThanOrEqualTo(policy.threshold());
    }

    @Test
    void aValidInlinePolicyLoadsWithDefaultsAndMergedOverrides() {
        FrictionPolicy policy = PolicyReader.read("test/v1.yaml", new StringReader(VALID));
        assertThat(policy.atRiskRatio()).isEqualTo(0.8);
        assertThat(policy.rulesFor("aide-logement").get(SignalKind.VALIDATION_ERROR).weight()).isEqualTo(3.0);
        assertThat(policy.rulesFor("aide-logement").get(SignalKind.WENT_BACK).minOccurrences()).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown signal          | validation-error: { weight: 2|typo-error: { weight: 2                         | 4 | unknown signal 'typo-error'",
            "negative weight         | weight: 2,|weight: -2,                                                          | 4 | negative weight",
            "bad duration            | window: PT2H, halfLife: PT1H }|window: two hours, halfLife: PT1H }              | 4 | ISO-8601 duration",
            "zero half-life          | halfLife: PT1H, minOccurrences|halfLife: PT0S, minOccurrences                   | 5 | must be positive",
            "minOccurrences zero     | minOccurrences: 3|minOccurrences: 0                                               | 5 | at least 1",
            "unknown key             | threshold: 10|threshold: 10\\nthreshhold: 3                                      | 3 | unknown key 'threshhold'",
            "missing SLA             |   normal: { firstContact: PT24H, resolution: P3D }|  # none                   | 9 | no SLA for priority 'normal'",
            "resolution before first | resolution: PT8H|resolution: PT30M                                                | 9 | sooner than firstContact",
            "version in file name    | version: 1|version: 2                                                             | 1 | does not match its file name",
            "threshold not a number  | threshold: 10|threshold: ten                                                      | 2 | threshold must be a number",
            "bad pool                | defaultPool: \"93\"|defaultPool: Pool 93                                         | 13 | bad defaultPool",
            "override unknown signal | validation-error: { weight: 3 }|nope: { weight: 3 }                             | 17 | unknown signal 'nope'",
            "bad YAML                | version: 1|version: [1                                                            | 2 | not valid YAML",
            "priority never matches  | urgent: { minScore: 20 }|urgent: { }                                             | 7 | can never match",
    })
    void aBrokenPolicyIsRefusedWithFileAndLine(String name, String from, String to, int line, String message) {
        String text = VALID.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
        assertThat(text).as("the test's replacement applies").isNotEqualTo(VALID);
        assertThatThrownBy(() -> PolicyReader.read("friction-policy/v1.yaml", new StringReader(text)))
                .isInstanceOf(PolicyException.class)
                .hasMessageContaining("friction-policy/v1.yaml line " + line + ":")
                .hasMessageContaining(message);
    }

    @Test
    void anEmptyOrMissingFileIsRefused() {
        assertThatThrownBy(() -> PolicyReader.read("p/v1.yaml", new StringReader(""))).hasMessageContaining("empty policy file");
        assertThatThrownBy(() -> PolicyReader.fromClasspath("friction-policy/v9.yaml")).hasMessageContaining("no such file");
    }
}
