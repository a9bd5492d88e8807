package fr.relais.mediation.domain;

import fr.relais.mediation.policy.PolicyReader;

import java.io.StringReader;

/** Policies for domain tests: the shipped one, and small ones written inline. */
public final class Policies {

    private Policies() {
    }

    public static FrictionPolicy shipped() {
        return PolicyReader.fromClasspath("friction-policy/v1.yaml");
    }

    /** A policy whose signals section is {@code signals}; the rest is fixed (threshold 10). */
    public static FrictionPolicy withSignals(String signals) {
        return PolicyReader.read("test/v1.yaml", new StringReader("""
                version: 1
                threshold: 10
                signals:
                %s
                priorities:
                  urgent: { minScore: 20, whenAll: [no-show, validation-error] }
                  high:   { minScore: 15, whenAny: [identity-check-failed] }
                sla:
                  urgent: { firstContact: PT1H,  resolution: PT8H }
                  high:   { firstContact: PT4H,  resolution: PT24H }
                  normal: { firstContact: PT24H, resolution: P3D }
                routing:
                  defaultPool: "93"
                  sites: { fs-gueret: "23" }
                procedures:
                  aide-logement:
                    threshold: 5
                    signals:
                      validation-error: { weight: 4 }
                """.formatted(signals.indent(2))));
    }
}
