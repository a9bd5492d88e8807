package fr.relais.bench.load;

import fr.relais.bench.report.Latency;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Starts journeys on a fixed schedule whatever the system's answers (open loop): a slow system makes journeys pile
 * up in flight instead of slowing the generator down, so its latency is not hidden (no coordinated omission).
 * Only commands that end inside the steady window (after the first seconds, before the schedule stops) count.
 */
public final class OpenLoop {

    private static final Duration DRAIN = Duration.ofSeconds(30);

    private final JourneyScript script;
    private final int inFlightLimit;
    private final AtomicLong journeyNumbers = new AtomicLong();
    /** Every command decided since this generator was made, in or out of a run's window: what CPU is divided by. */
    private final AtomicLong commandsDecided = new AtomicLong();

    public OpenLoop(JourneyScript script, int inFlightLimit) {
        this.script = script;
        this.inFlightLimit = inFlightLimit;
    }

    public long commandsDecided() {
        return commandsDecided.get();
    }

    public StepResult run(String label, double commandsPerSecond, Duration duration) {
        double journeysPerSecond = commandsPerSecond / JourneyScript.COMMANDS;
        long intervalNanos = (long) (1_000_000_000L / journeysPerSecond);
        long start = System.nanoTime();
        long windowStart = start + Math.min(Duration.ofSeconds(3).toNanos(), duration.toNanos() / 4);
        long end = start + duration.toNanos();

        Recorder latencies = new Recorder(3);
        AtomicLong commands = new AtomicLong();
        AtomicLong journeysDone = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong notStarted = new AtomicLong();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        Map<String, Long> failures = new ConcurrentHashMap<>();
        JourneyScript.Timing timing = (micros, endedNanos) -> {
            commandsDecided.incrementAndGet();
            if (endedNanos >= windowStart && endedNanos <= end) {
                latencies.recordValue(Math.max(1, micros));
                commands.incrementAndGet();
            }
        };

        for (long i = 0; ; i++) {
            long due = start + i * intervalNanos;
            if (due > end) {
                break;
            }
            LockSupport.parkNanos(due - System.nanoTime());
            if (inFlight.get() >= inFlightLimit) {
                notStarted.incrementAndGet();
                continue;
            }
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            script.play(journeyNumbers.getAndIncrement(), due, timing).onComplete(result -> {
                inFlight.decrementAndGet();
                long now = System.nanoTime();
                if (result.succeeded()) {
                    if (now >= windowStart && now <= end) {
                        journeysDone.incrementAndGet();
                    }
                } else {
                    failed.incrementAndGet();
                    failures.merge(JourneyScript.reasonOf().apply(result.cause()), 1L, Long::sum);
                }
            });
        }
        long drainUntil = System.nanoTime() + DRAIN.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < drainUntil) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        if (inFlight.get() > 0) {
            failures.merge("still in flight " + DRAIN.toSeconds() + " s after the schedule ended", (long) inFlight.get(), Long::sum);
        }
        double window = (end - windowStart) / 1e9;
        Histogram histogram = latencies.getIntervalHistogram();
        return new StepResult(label, commandsPerSecond, commands.get() / window, journeysDone.get() / window,
                Latency.of(histogram), commands.get(), failed.get(), new TreeMap<>(failures), notStarted.get(), maxInFlight.get());
    }
}
