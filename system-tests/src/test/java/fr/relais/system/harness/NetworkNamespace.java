package fr.relais.system.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The network namespace ./relais netns makes for one service process (deploy/devstack/netns.sh): the process runs in
 * it ({@link ServiceProcess#start(String, java.util.Map)}) and reaches the stack through a veth pair that a test cuts
 * and joins again while the process keeps running. Needs root.
 */
public final class NetworkNamespace implements AutoCloseable {

    public static final String NAME = "relais-cut";
    private static final Path LOG = Path.of("target", "relais-netns.log");

    private NetworkNamespace() {
    }

    /** The namespace, with the ports its process listens on reachable from the host's 127.0.0.1. */
    public static NetworkNamespace up(int... ports) {
        relais("up", Arrays.stream(ports).mapToObj(String::valueOf).collect(Collectors.joining(",")));
        return new NetworkNamespace();
    }

    /** The link down: nothing goes in or out; the process keeps running. */
    public void cut() {
        relais("cut");
    }

    public void join() {
        relais("join");
    }

    @Override
    public void close() {
        relais("down");
    }

    private static void relais(String... arguments) {
        Path home = Path.of(System.getProperty("relais.home", "..")).toAbsolutePath().normalize();
        List<String> command = new java.util.ArrayList<>(List.of(home.resolve("relais").toString(), "netns"));
        command.addAll(List.of(arguments));
        try {
            Files.createDirectories(LOG.getParent());
            Process process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile())).start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed; see " + LOG.toAbsolutePath());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
