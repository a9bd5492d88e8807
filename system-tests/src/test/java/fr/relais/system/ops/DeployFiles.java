package fr.relais.system.ops;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the operations files live: {@code deploy/} of the Relais checkout. */
final class DeployFiles {

    private DeployFiles() {
    }

    /**
     * The checkout: the {@code relais.home} system property (the module's pom sets it), otherwise the first
     * directory, from the working directory upwards, that holds {@code deploy/grafana/dashboards}.
     */
    static Path home() {
        String configured = System.getProperty("relais.home");
        if (configured != null && !configured.isBlank()) {
            Path home = Path.of(configured).toAbsolutePath().normalize();
            if (!Files.isDirectory(home.resolve("deploy"))) {
                throw new IllegalStateException("relais.home=" + configured + " has no deploy/ folder");
            }
            return home;
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy/grafana/dashboards"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the Relais checkout from " + Path.of("").toAbsolutePath()
                + "; set -Drelais.home=<checkout>");
    }

    static Path dashboards() {
        return home().resolve("deploy/grafana/dashboards");
    }

    static Path grafanaProvisioning() {
        return home().resolve("deploy/grafana/provisioning");
    }

    static Path rules() {
        return home().resolve("deploy/prometheus/rules");
    }

    static Path ruleTests() {
        return home().resolve("deploy/prometheus/tests");
    }

    static Path readme() {
        return home().resolve("deploy/README.md");
    }
}
