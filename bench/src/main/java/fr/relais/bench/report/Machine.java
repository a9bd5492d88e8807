package fr.relais.bench.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Where the figures were measured: cores, memory, and the versions of what ran. */
public record Machine(int cores, long memoryMb, String os, String java, String quarkus, String kafka, String postgresql,
                      String keycloak) {

    public static Machine describe(Path runDir, String postgresqlVersion) {
        return new Machine(Runtime.getRuntime().availableProcessors(), memTotalMb(), System.getProperty("os.name") + " "
                + System.getProperty("os.version"), System.getProperty("java.vm.vendor") + " " + System.getProperty("java.version"),
                quarkusVersion(), fromCommandLine(runDir, "kafka", Pattern.compile("kafka-([0-9][0-9.]*[0-9])/libs")),
                postgresqlVersion, fromCommandLine(runDir, "keycloak", Pattern.compile("keycloak-([0-9][0-9.]*[0-9])")));
    }

    private static String quarkusVersion() {
        try (InputStream in = Machine.class.getResourceAsStream("/bench.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("quarkus.version", "?");
        } catch (IOException | NullPointerException e) {
            return "?";
        }
    }

    /** The version in the running process's command line (its jar or distribution path), as started by ./relais up. */
    private static String fromCommandLine(Path runDir, String name, Pattern version) {
        try {
            String pid = Files.readString(runDir.resolve(name + ".pid")).trim();
            String commandLine = Files.readString(Path.of("/proc", pid, "cmdline"), StandardCharsets.ISO_8859_1);
            Matcher m = version.matcher(commandLine);
            return m.find() ? m.group(1) : "?";
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static long memTotalMb() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024).findFirst().orElse(0L);
        } catch (IOException e) {
            return 0;
        }
    }

}
