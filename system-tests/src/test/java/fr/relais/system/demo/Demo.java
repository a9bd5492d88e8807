package fr.relais.system.demo;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.system.harness.Api;
import fr.relais.system.harness.ProxyVoteWalk;

import java.io.PrintStream;

/**
 * ./relais demo: against a running stack (./relais up), plays Camille's proxy vote portal -> desk -> portal
 * through the public API, then prints the journey's timeline, who read her file and why, and where to look.
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        out.println("Relais demo: one journey, three channels (gateway " + Api.gatewayUrl() + ")\n");
        ProxyVoteWalk.Seen seen = ProxyVoteWalk.play(step -> out.println("  " + step));

        out.println("\nTimeline of journey " + seen.journey() + " (what camille sees on the portal):");
        out.printf("  %-4s %-27s %-20s %-24s %-8s %s%n", "seq", "at", "what", "step", "channel", "by");
        for (JsonNode e : seen.done().get("timeline")) {
            out.printf("  %-4s %-27s %-20s %-24s %-8s %s%n", e.get("sequence").asText(), e.get("at").asText(), e.get("what").asText(),
                    e.path("stepId").asText(""), e.path("channel").asText(""),
                    e.path("actorRole").asText("") + (e.hasNonNull("actorSite") ? " @ " + e.get("actorSite").asText() : ""));
        }
        out.println("\nWho read or acted on camille's file, and why (her access log):");
        for (JsonNode e : seen.accessLog()) {
            out.printf("  %-27s %-14s %-17s %-16s %s%n", e.get("at").asText(), e.get("actorRole").asText(),
                    e.path("actorSite").asText(""), e.get("action").asText(), e.path("reason").asText(""));
        }
        String port = System.getenv().getOrDefault("RELAIS_PROMETHEUS_PORT", "19090");
        out.println("\nLook further:");
        out.println("  Public API                     " + Api.gatewayUrl());
        out.println("  Its OpenAPI (loopback only)    http://127.0.0.1:"
                + System.getenv().getOrDefault("RELAIS_GATEWAY_MANAGEMENT_PORT", "9180") + "/q/swagger-ui");
        out.println("  Journey in the API (as camille) ./relais token camille, then GET " + Api.gatewayUrl()
                + "/api/portal/journeys/" + seen.journey());
        out.println("  Prometheus                     http://127.0.0.1:" + port
                + "/graph?g0.expr=sum%20by%20(procedure)%20(relais_journeys_completed_total)");
        out.println("  Grafana dashboards (files)     deploy/grafana/dashboards/ (see deploy/README.md)");
        out.println("  Keycloak (admin / admin)       http://127.0.0.1:" + System.getenv().getOrDefault("RELAIS_KEYCLOAK_PORT", "18080") + "/admin");
    }
}
