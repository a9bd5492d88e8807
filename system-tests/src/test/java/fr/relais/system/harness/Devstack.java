package fr.relais.system.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** One part of the local stack stopped or started alone, through ./relais, as a fault test needs. */
public final class Devstack {

    private Devstack() {
    }

    /** @param part mail or sms; @param action down or up */
    public static void part(String part, String action) {
        Path home = Path.of(System.getProperty("relais.home", "..")).toAbsolutePath().normalize();
        try {
            Process process = new ProcessBuilder(home.resolve("relais").toString(), "part", part, action)
                    .directory(home.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("./relais part " + part + " " + action + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
