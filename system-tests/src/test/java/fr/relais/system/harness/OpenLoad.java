package fr.relais.system.harness;

import fr.relais.bench.load.JourneyScript;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** Whole journeys started on a fixed schedule (open loop: a slow answer does not slow the arrivals), spell by spell. */
public final class OpenLoad {

    private final JourneyScript script;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong completed = new AtomicLong();
    private final Map<String, Long> failures = new ConcurrentHashMap<>();
    private long next;

    public OpenLoad(JourneyScript script) {
        this.script = script;
    }

    /** Starts {@code perSecond} journeys a second for {@code during}; returns when the last one is started. */
    public void offer(double perSecond, Duration during) {
        long start = System.nanoTime();
        long interval = (long) (1e9 / perSecond);
        for (long due = start; due < start + during.toNanos(); due += interval, next++) {
            LockSupport.parkNanos(due - System.nanoTime());
            inFlight.incrementAndGet();
            started.incrementAndGet();
            script.play(next, due, (micros, ended) -> { }).onComplete(result -> {
                inFlight.decrementAndGet();
                if (result.succeeded()) {
                    completed.incrementAndGet();
                } else {
                    failures.merge(String.valueOf(result.cause().getMessage()), 1L, Long::sum);
                }
            });
        }
    }

    /** Waits while journeys are in flight, at most {@code bound}. */
    public void drain(Duration bound) throws InterruptedException {
        long until = System.nanoTime() + bound.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < until) {
            Thread.sleep(100);
        }
    }

    public int inFlight() {
        return inFlight.get();
    }

    public long started() {
        return started.get();
    }

    public long completed() {
        return completed.get();
    }

    /** Journeys that failed, by reason (the script names the command and the answer). */
    public Map<String, Long> failures() {
        return failures;
    }
}
