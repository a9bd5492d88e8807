package fr.relais.gateway.live;

import fr.relais.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many live streams each caller holds open on this instance, capped: one person cannot pin an unbounded
 * number of connections (and journey-service re-checks) on the gateway.
 */
@ApplicationScoped
public class OpenStreams {

    @Inject
    GatewayConfig config;

    /**
     * An entry per caller with at least one open stream, removed with their last one: its size follows the open
     * connections, so it needs no expiry.
     */
    private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();

    /** One open stream; closing it twice frees one slot only. */
    public final class Slot {
        private final String caller;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Slot(String caller) {
            this.caller = caller;
        }

        public void close() {
            if (closed.compareAndSet(false, true)) {
                open.computeIfPresent(caller, (c, count) -> count <= 1 ? null : count - 1);
            }
        }
    }

    /** @return a slot for one more stream of this caller, or null when they already hold the most allowed */
    public Slot tryOpen(String caller) {
        int max = config.live().maxStreamsPerCaller();
        boolean[] opened = {false};
        open.compute(caller, (c, count) -> {
            int now = count == null ? 0 : count;
            if (now >= max) {
                return count;
            }
            opened[0] = true;
            return now + 1;
        });
        return opened[0] ? new Slot(caller) : null;
    }
}
