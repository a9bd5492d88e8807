package fr.relais.system.demo;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.system.harness.Api;
import fr.relais.system.harness.OfflineWalk;
import fr.relais.system.harness.ProxyVoteWalk;

import java.io.PrintStream;

/**
 * ./relais demo: against a running stack (./relais up), plays Camille's proxy vote portal -> desk -> portal and
 * Mohamed's ID card renewal without going online (desk, call back, desk, then attached to his account) through the
 * public API, then prints each journey's timeline, who read the file and why, and where to look.
 */
public final class Demo {

    private Demo() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        out.println("Relais demo: one journey, three channels (gateway " + Api.gatewayUrl() + ")\n");
        ProxyVoteWalk.Seen seen = ProxyVoteWalk.play(step -> out.println("  " + step));
        timeline(out, "camille", seen.journey(), seen.done());
        accessLog(out, "camille", seen.accessLog());

        out.println("\nRelais demo: a citizen who never goes online (mohamed, at the Guéret desk and on the phone)\n");
        OfflineWalk.Seen offline = OfflineWalk.play(step -> out.println("  " + step));
        timeline(out, "mohamed", offline.journey(), offline.online());
        accessLog(out, "mohamed", offline.accessLog());

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

    private static void timeline(PrintStream out, String citizen, java.util.UUID journey, JsonNode seen) {
        out.println("\nTimeline of journey " + journey + " (what " + citizen + " sees on the portal):");
        out.printf("  %-4s %-27s %-20s %-24s %-8s %s%n", "seq", "at", "what", "step", "channel", "by");
        for (JsonNode e : seen.get("timeline")) {
            out.printf("  %-4s %-27s %-20s %-24s %-8s %s%n", e.get("sequence").asText(), e.get("at").asText(), e.get("what").asText(),
                    e.path("stepId").asText(""), e.path("channel").asText(""),
                    e.path("actorRole").asText("") + (e.hasNonNull("actorSite") ? " @ " + e.get("actorSite").asText() : ""));
        }
    }

    private static void accessLog(PrintStream out, String citizen, JsonNode entries) {
        out.println("\nWho read or acted on " + citizen + "'s file, and why (the access log):");
        for (JsonNode e : entries) {
            out.printf("  %-27s %-14s %-17s %-20s %s%n", e.get("at").asText(), e.get("actorRole").asText(),
                    e.path("actorSite").asText(""), e.get("action").asText(), e.path("reason").asText(""));
        }
    }
}
