package fr.relais.bench.resources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Samples memory (RSS) and CPU time of each part of the running stack from /proc, for the benchmark's resource table.
 * A part is the process named by its pid file under {@code $RELAIS_HOME/.relais/run} plus all its descendants: keycloak's
 * pid is a kc.sh wrapper whose child is the JVM, and PostgreSQL is a postmaster with one child process per connection
 * and per background worker. Missing pid files and dead processes are skipped.
 */
public final class ProcessSampler {

    /** The load generator itself (this JVM), so its CPU is counted apart from the stack's. */
    public static final String BENCH = "bench";
    /** The parts, in report order; each maps to its pid file name without ".pid". */
    private static final List<String> PARTS = List.of("journey-service", "channel-gateway", "appointment-service",
            "mediation-service", "notification-service", "kafka", "keycloak", "prometheus", "postgres", BENCH);
    /** Linux USER_HZ: /proc reports CPU times in ticks of 1/100 s on every mainstream kernel build. */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final double KB_PER_MB = 1024.0;

    private final Path runDir;
    private final Duration interval;
    private final Map<String, PartState> parts = new LinkedHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;
    private long startNanos;
    /** The window's start in ticks since boot; processes started later are new. */
    private long startBootTicks = Long.MAX_VALUE;
    private long lastNanos;

    private ProcessSampler(Path runDir, Duration interval) {
        this.runDir = runDir;
        this.interval = interval;
        PARTS.forEach(p -> parts.put(p, new PartState()));
        this.thread = new Thread(this::loop, "bench-process-sampler");
        this.thread.setDaemon(true);
    }

    public static ProcessSampler start(Path runDir, Duration interval) {
        ProcessSampler sampler = new ProcessSampler(runDir, interval);
        // The first sample sets each process's CPU baseline before the window opens.
        sampler.sample();
        sampler.startBootTicks = bootTicksNow();
        sampler.startNanos = sampler.lastNanos;
        sampler.thread.start();
        return sampler;
    }

    /** Stops sampling, takes a last sample, and returns each part seen at least once, in report order. */
    public List<ProcessFigures> stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Math.max(1_000, 4 * interval.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
        double wallSeconds = Math.max(1e-9, (lastNanos - startNanos) / 1e9);
        List<ProcessFigures> figures = new ArrayList<>();
        synchronized (this) {
            parts.forEach((name, s) -> {
                if (s.samplesSeen == 0) {
                    return;
                }
                double cpuSeconds = s.cpuTicks() / TICKS_PER_SECOND;
                figures.add(new ProcessFigures(name, s.processes.size(), s.peakRssKb / KB_PER_MB, s.lastRssKb / KB_PER_MB,
                        cpuSeconds, cpuSeconds / wallSeconds));
            });
        }
        return figures;
    }

    /** CPU seconds each part has used since the window opened, sampled now: what a run's CPU cost is measured between. */
    public synchronized Map<String, Double> cpuSecondsSoFar() {
        sample();
        Map<String, Double> seconds = new LinkedHashMap<>();
        parts.forEach((name, state) -> {
            if (state.samplesSeen > 0) {
                seconds.put(name, state.cpuTicks() / TICKS_PER_SECOND);
            }
        });
        return seconds;
    }

    private void loop() {
        while (running) {
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            if (running) {
                sample();
            }
        }
    }

    /** One pass over /proc: the process table once, then each part's tree. */
    private synchronized void sample() {
        Map<Long, Stat> table = processTable();
        for (String name : PARTS) {
            Optional<Long> root = switch (name) {
                case "postgres" -> postmasterPid();
                case BENCH -> Optional.of(ProcessHandle.current().pid());
                default -> readPid(runDir.resolve(name + ".pid"));
            };
            if (root.isEmpty() || !table.containsKey(root.get())) {
                continue;
            }
            PartState state = parts.get(name);
            long rssKb = 0;
            for (long pid : descendantsAndSelf(root.get(), table)) {
                Stat stat = table.get(pid);
                // Keyed by pid and start time, so a recycled pid is a new process.
                // A process born inside the window counts all its CPU; an older one only what it used after the start.
                long baseline = stat.startTime() >= startBootTicks ? 0 : stat.cpuTicks();
                state.processes.computeIfAbsent(new ProcessKey(pid, stat.startTime()),
                        k -> new CpuSpan(stat.cpuTicks(), baseline)).last = stat.cpuTicks();
                rssKb += readRssKb(pid).orElse(0);
            }
            // Shared memory (PostgreSQL's shared_buffers, the JVMs' mapped libraries) counts once per process: an overstatement.
            state.lastRssKb = rssKb;
            state.peakRssKb = Math.max(state.peakRssKb, rssKb);
            state.samplesSeen++;
        }
        lastNanos = System.nanoTime();
    }

    /** Seconds since boot from /proc/uptime, in the same ticks as a process's start time in /proc/<pid>/stat. */
    private static long bootTicksNow() {
        try {
            return (long) (Double.parseDouble(Files.readString(Path.of("/proc/uptime")).trim().split("\\s+")[0])
                    * TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return Long.MAX_VALUE; // unknown: treat every process as older than the window
        }
    }

    private Optional<Long> postmasterPid() {
        try {
            Path dataDir = Path.of(Files.readString(runDir.resolve("postgres.datadir")).trim());
            // postmaster.pid's first line is the postmaster's pid; the file belongs to the postgres user but is world-readable.
            return readPid(dataDir.resolve("postmaster.pid"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            String first = Files.readString(pidFile).lines().findFirst().orElse("").trim();
            return first.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Every live process's stat line, parsed; processes that vanish mid-scan are skipped. */
    private static Map<Long, Stat> processTable() {
        Map<Long, Stat> table = new HashMap<>();
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), p -> isNumeric(p.getFileName().toString()))) {
            for (Path dir : proc) {
                try {
                    parseStat(Files.readString(dir.resolve("stat"))).ifPresent(s -> table.put(s.pid(), s));
                } catch (IOException | UncheckedIOException e) {
                    // the process exited between listing and reading
                }
            }
        } catch (IOException e) {
            // no /proc: nothing to sample
        }
        return table;
    }

    private static List<Long> descendantsAndSelf(long root, Map<Long, Stat> table) {
        Map<Long, List<Long>> children = new HashMap<>();
        table.values().forEach(s -> children.computeIfAbsent(s.ppid(), k -> new ArrayList<>()).add(s.pid()));
        List<Long> tree = new ArrayList<>(List.of(root));
        for (int i = 0; i < tree.size(); i++) {
            tree.addAll(children.getOrDefault(tree.get(i), List.of()));
        }
        return tree;
    }

    private static OptionalLong readRssKb(long pid) {
        try {
            return parseVmRssKb(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException | UncheckedIOException e) {
            return OptionalLong.empty();
        }
    }

    private static boolean isNumeric(String s) {
        return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
    }

    /**
     * Parses /proc/&lt;pid&gt;/stat. The command name (field 2) is in parentheses and may hold spaces or ')', so fields
     * are counted from the last ')': after it come field 3 (state), 4 (ppid) ... 14 (utime), 15 (stime) ... 22 (starttime).
     */
    static Optional<Stat> parseStat(String text) {
        int open = text.indexOf('(');
        int close = text.lastIndexOf(')');
        if (open < 0 || close < open) {
            return Optional.empty();
        }
        String[] f = text.substring(close + 1).trim().split("\\s+");
        if (f.length < 20) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(text.substring(0, open).trim());
            // f[0] is field 3, so field n is f[n - 3].
            return Optional.of(new Stat(pid, Long.parseLong(f[1]), Long.parseLong(f[11]) + Long.parseLong(f[12]),
                    Long.parseLong(f[19])));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The {@code VmRSS:} line of /proc/&lt;pid&gt;/status, in kB; empty for kernel threads and zombies, which have none. */
    static OptionalLong parseVmRssKb(String status) {
        return status.lines().filter(l -> l.startsWith("VmRSS:")).findFirst().map(l -> {
            String[] f = l.substring("VmRSS:".length()).trim().split("\\s+");
            try {
                return OptionalLong.of(Long.parseLong(f[0]));
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }).orElse(OptionalLong.empty());
    }

    /** The fields of /proc/&lt;pid&gt;/stat the sampler needs; cpuTicks is utime + stime. */
    record Stat(long pid, long ppid, long cpuTicks, long startTime) {
    }

    private record ProcessKey(long pid, long startTime) {
    }

    /** CPU ticks of one process: at its baseline (first sample, or 0 when born during the window) and when last seen. */
    private static final class CpuSpan {
        final long baseline;
        long last;

        CpuSpan(long last, long baseline) {
            this.last = last;
            this.baseline = baseline;
        }
    }

    private static final class PartState {
        final Map<ProcessKey, CpuSpan> processes = new HashMap<>();
        long peakRssKb;
        long lastRssKb;
        int samplesSeen;

        long cpuTicks() {
            return processes.values().stream().mapToLong(s -> s.last - s.baseline).sum();
        }
    }
}
