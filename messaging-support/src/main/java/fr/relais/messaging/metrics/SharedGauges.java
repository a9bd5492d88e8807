package fr.relais.messaging.metrics;

import fr.relais.messaging.lease.Lease;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gauges of shared state (counts in the service's database, which every instance would report alike, so that a
 * sum() over instances would multiply them): only the instance holding the {@code metrics} lease reports them, and
 * only it needs to run their refresh queries ({@link #reporting()}). Per-instance facts (JVM, HTTP, Kafka clients)
 * stay ordinary meters. When the holder dies, another instance takes the lease once it expires: the series are
 * missing for at most the expiry (30 s by default), never doubled.
 */
@ApplicationScoped
public class SharedGauges {

    public static final String LEASE = "metrics";

    @Inject
    Pool pool;

    @Inject
    MeterRegistry registry;

    /** This process's id in relais_lease; a new random one per start is enough (a restart takes the lease anew). */
    @ConfigProperty(name = "relais.instance")
    Optional<String> instance;

    @ConfigProperty(name = "relais.metrics-lease.expiry", defaultValue = "30s")
    Duration expiry;

    private final Map<String, SharedGauge> gauges = new ConcurrentHashMap<>();
    private Lease lease;
    private volatile boolean reporting;
    private volatile boolean stopping;

    @PostConstruct
    void init() {
        lease = new Lease(LEASE, instance.filter(id -> !id.isBlank()).orElseGet(() -> UUID.randomUUID().toString()), expiry);
    }

    /**
     * The gauge {@code name} with these tags (the same object for the same name and tags). Keep the name, tags and
     * description the dashboards and alerts know.
     */
    public SharedGauge gauge(String name, String description, Tags tags) {
        return gauges.computeIfAbsent(name + tags, key -> new SharedGauge(this, name, description, tags));
    }

    /** Whether this instance reports shared state now: refresh queries run only then. */
    public boolean reporting() {
        return reporting;
    }

    /** This process's holder id in relais_lease. */
    public String holder() {
        return lease.holder();
    }

    /** Takes or renews the lease at start and then every renew interval (a third of the expiry by default). */
    @Scheduled(every = "${relais.metrics-lease.renew-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> renew() {
        if (stopping) {
            return Uni.createFrom().voidItem();
        }
        return lease.acquire(pool)
                .onFailure().invoke(failure -> Log.warnf("metrics lease: %s", failure.toString()))
                // unreachable database: stop reporting; another instance that reaches it takes over after expiry
                .onFailure().recoverWithItem(false)
                .invoke(this::holding)
                .replaceWithVoid();
    }

    /** Gaining the lease shows nothing yet (each gauge appears at its next measurement); losing it hides every gauge. */
    synchronized void holding(boolean held) {
        if (held != reporting) {
            Log.infof("metrics lease %s: this instance (%s) %s the gauges of shared state", LEASE, lease.holder(),
                    held ? "now reports" : "no longer reports");
        }
        reporting = held && !stopping;
        if (!reporting) {
            gauges.values().forEach(gauge -> gauge.hide(registry));
        }
    }

    synchronized void shown(SharedGauge gauge) {
        if (reporting) {
            gauge.show(registry);
        }
    }

    /** Hands the lease over at shutdown, so the next holder need not wait for its expiry. */
    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        holding(false);
        try {
            // the shutdown thread is no event loop, and the wait is bounded: failing here only delays the takeover
            lease.release(pool).await().atMost(Duration.ofSeconds(2));
        } catch (RuntimeException e) {
            Log.debugf("metrics lease not released (it expires on its own): %s", e.toString());
        }
    }
}
