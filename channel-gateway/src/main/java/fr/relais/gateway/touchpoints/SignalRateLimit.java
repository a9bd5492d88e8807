package fr.relais.gateway.touchpoints;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * A token bucket per caller for client-side signals (burst of 20, then one every 3 s), kept in an
 * expiring, bounded cache: a browser cannot flood the friction scoring with made-up signals.
 */
@ApplicationScoped
public class SignalRateLimit {

    private static final int CAPACITY = 20;
    private static final long REFILL_NANOS = Duration.ofSeconds(3).toNanos();

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(100_000).expireAfterAccess(Duration.ofMinutes(10)).build();

    public boolean tryAcquire(String caller) {
        return buckets.get(caller, c -> new Bucket()).tryTake(System.nanoTime());
    }

    private static final class Bucket {
        private double tokens = CAPACITY;
        private long last = System.nanoTime();

        synchronized boolean tryTake(long now) {
            tokens = Math.min(CAPACITY, tokens + (double) (now - last) / REFILL_NANOS);
            last = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }
    }
}
