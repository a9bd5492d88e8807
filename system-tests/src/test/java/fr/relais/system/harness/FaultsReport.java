package fr.relais.system.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** system-tests/target/faults-report.md: one row per fault a test injected, with what the clients saw. */
public final class FaultsReport {

    private static final Path REPORT = Path.of("target", "faults-report.md");
    private static final String HEADER = """
            | fault | load during it | accepted / refused / failed | acknowledged commands lost / doubled | time to recover | p99 during the fault |
            |---|---|---|---|---|---|
            """;

    /** Whether this run wrote its header yet: a run's report holds that run's rows only. */
    private static boolean begun;

    private FaultsReport() {
    }

    public static synchronized void row(String fault, String load, String answers, String lostDoubled, String recovery, String p99) {
        try {
            Files.createDirectories(REPORT.getParent());
            if (!begun) {
                Files.writeString(REPORT, "# Faults injected by the system tests\n\n" + HEADER);
                begun = true;
            }
            Files.writeString(REPORT, "| " + String.join(" | ", fault, load, answers, lostDoubled, recovery, p99) + " |\n",
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
