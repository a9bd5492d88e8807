package fr.relais.mediation.policy;

import fr.relais.mediation.domain.FrictionPolicy;
import fr.relais.mediation.domain.Priority;
import fr.relais.mediation.domain.SignalKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    void theCurrentPolicyOpensACaseOnACallBackFailedTwice() {
        FrictionPolicy policy = PolicyReader.fromClasspath("friction-policy/v2.yaml");
        assertThat(policy.version()).isEqualTo(2);
        double weight = policy.signals().get(SignalKind.CALLBACK_FAILED).weight();
        // alone, it clears the default threshold and every procedure's
        assertThat(weight).isGreaterThanOrEqualTo(policy.threshold());
        policy.procedures().keySet().forEach(procedure -> assertThat(policy.rulesFor(procedure)
                .get(SignalKind.CALLBACK_FAILED).weight()).isGreaterThanOrEqualTo(policy.thresholdFor(procedure)));
        // v2 is v1 plus that signal: nothing else changed
        FrictionPolicy v1 = PolicyReader.fromClasspath("friction-policy/v1.yaml");
        v1.signals().forEach((kind, rule) -> assertThat(policy.signals().get(kind)).isEqualTo(rule));
        assertThat(policy.signals()).hasSize(v1.signals().size() + 1);
        assertThat(policy.thresholdFor("cni-renouvellement")).isEqualTo(v1.thresholdFor("cni-renouvellement"));
    }

    @Test
    void aValidInlinePolicyLoadsWithDefaultsAndMergedOverrides() {
        FrictionPolicy policy = PolicyReader.read("test/v1.yaml", new StringReader(VALID));
        assertThat(policy.atRiskRatio()).isEqualTo(0.8);
        assertThat(policy.rulesFor("aide-logement").get(SignalKind.VALIDATION_ERROR).weight()).isEqualTo(3.0);
        assertThat(policy.rulesFor("aide-logement").get(SignalKind.WENT_BACK).minOccurrences()).isEqualTo(3);
    }

    /** Problems the schema finds end by naming it; the others are the reader's own checks. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown signal          | validation-error: { weight: 2|typo-error: { weight: 2                         | /signals/typo-error                        | 4  | property 'typo-error' name is not valid: expected a known signal: validation-error, help-requested",
            "negative weight         | weight: 2,|weight: -2,                                                          | /signals/validation-error/weight           | 4  | expected a weight of 0 or more (a signal can only add friction) (format: friction-policy/friction-policy.schema.json)",
            "bad duration            | window: PT2H, halfLife: PT1H }|window: two hours, halfLife: PT1H }              | /signals/validation-error/window           | 4  | expected an ISO-8601 duration such as PT2H or P3D (format: friction-policy/friction-policy.schema.json)",
            "zero half-life          | halfLife: PT1H, minOccurrences|halfLife: PT0S, minOccurrences                   | /signals/went-back/halfLife                | 5  | halfLife must be positive, not 'PT0S'",
            "minOccurrences zero     | minOccurrences: 3|minOccurrences: 0                                               | /signals/went-back/minOccurrences          | 5  | expected a whole number of at least 1 (format: friction-policy/friction-policy.schema.json)",
            "unknown key             | threshold: 10|threshold: 10\\nthreshhold: 3                                      | /threshhold                                | 3  | property 'threshhold' is not defined in the schema and the schema does not allow additional properties",
            "missing SLA             |   normal: { firstContact: PT24H, resolution: P3D }|  # none                   | /sla                                       | 8  | required property 'normal' not found (format: friction-policy/friction-policy.schema.json)",
            "resolution before first | resolution: PT8H|resolution: PT30M                                                | /sla/urgent/resolution                     | 9  | resolution (PT30M) is sooner than firstContact (PT1H) in sla 'urgent'",
            "version in file name    | version: 1|version: 2                                                             | /version                                   | 1  | version 2 does not match its file name 'v1.yaml'",
            "threshold not a number  | threshold: 10|threshold: ten                                                      | /threshold                                 | 2  | string found, number expected (format: friction-policy/friction-policy.schema.json)",
            "bad pool                | defaultPool: \"93\"|defaultPool: Pool 93                                         | /routing/defaultPool                       | 13 | expected a lowercase code, e.g. \"93\" or fs-gueret (format: friction-policy/friction-policy.schema.json)",
            "override unknown signal | validation-error: { weight: 3 }|nope: { weight: 3 }                             | /procedures/aide-logement/signals/nope     | 17 | property 'nope' name is not valid: expected a known signal",
            "priority never matches  | urgent: { minScore: 20 }|urgent: { }                                             | /priorities/urgent                         | 7  | priority 'urgent' can never match: give minScore, whenAll or whenAny",
    })
    void aBrokenPolicyIsRefusedWithFilePointerLineAndExpectation(String name, String from, String to, String pointer,
                                                                 int line, String message) {
        String text = VALID.replace(from.replace("\\n", "\n"), to.replace("\\n", "\n"));
        assertThat(text).as("the test's replacement applies").isNotEqualTo(VALID);
        assertThatThrownBy(() -> PolicyReader.read("friction-policy/v1.yaml", new StringReader(text)))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("friction-policy/v1.yaml: at " + pointer + " (line " + line + "): ")
                .hasMessageContaining(message)
                .satisfies(e -> {
                    assertThat(((PolicyException) e).pointer()).isEqualTo(pointer);
                    assertThat(((PolicyException) e).line()).isEqualTo(line);
                });
    }

    @Test
    void aYamlSyntaxErrorNamesTheLine() {
        String text = VALID.replace("version: 1", "version: [1");
        assertThatThrownBy(() -> PolicyReader.read("friction-policy/v1.yaml", new StringReader(text)))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("friction-policy/v1.yaml line 2: not valid YAML: ");
    }

    @Test
    void aProcedureSignalWithoutAPolicyRuleGivesItsOwnValues() {
        String text = VALID.replace("validation-error: { weight: 3 }", "no-show: { weight: 3 }");
        assertThatThrownBy(() -> PolicyReader.read("friction-policy/v1.yaml", new StringReader(text)))
                .isInstanceOf(PolicyException.class)
                .hasMessage("friction-policy/v1.yaml: at /procedures/aide-logement/signals/no-show (line 17): no 'window' in "
                        + "signal 'no-show' of procedure 'aide-logement' (the policy's signals have no rule for it to take it from)");
    }

    @Test
    void theSchemaDocumentsTheFormatAndNamesEverySignalKind() throws IOException {
        JsonNode schema;
        try (InputStream in = PolicyReaderTest.class.getClassLoader().getResourceAsStream(PolicyReader.SCHEMA)) {
            assertThat(in).as(PolicyReader.SCHEMA).isNotNull();
            schema = new ObjectMapper().readTree(in);
        }
        List<String> names = new ArrayList<>();
        schema.at("/$defs/signalName/enum").forEach(name -> names.add(name.asText()));
        assertThat(names).containsExactlyElementsOf(Arrays.stream(SignalKind.values()).map(SignalKind::wire).toList());
        assertThat(schema.at("/description").asText()).isNotBlank();
    }

    @Test
    void anEmptyOrMissingFileIsRefused() {
        assertThatThrownBy(() -> PolicyReader.read("p/v1.yaml", new StringReader(""))).hasMessage("p/v1.yaml line 1: empty file");
        assertThatThrownBy(() -> PolicyReader.fromClasspath("friction-policy/v9.yaml")).hasMessageContaining("no such file");
    }
}
