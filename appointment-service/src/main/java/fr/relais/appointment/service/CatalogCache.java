package fr.relais.appointment.service;

import fr.relais.appointment.persistence.Catalog;
import fr.relais.appointment.persistence.CatalogRepository;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Sites (counters, hours, closures) and motifs in memory: read once at start-up, again right after a change
 * made through this service (closures), and every {@code relais.catalog.refresh-interval} as a safety net for
 * changes made by another instance or directly in the database. Requests never read the catalogue tables.
 */
@ApplicationScoped
public class CatalogCache {

    @Inject
    CatalogRepository repository;

    @Inject
    AppointmentMetrics metrics;

    private volatile Catalog current;
    /** Loads are numbered when they start; one that started earlier never replaces a later one's result. */
    private final AtomicLong started = new AtomicLong();
    private long applied;

    /** At start-up, before the service takes traffic; a catalogue that cannot be read stops the start. */
    void load(@Observes StartupEvent event) throws Throwable {
        Catalog catalog = VertxContextSupport.subscribeAndAwait(this::refresh);
        Log.infof("catalogue loaded: %d sites, %d motifs", catalog.sites().size(), catalog.motifs().size());
    }

    @Scheduled(every = "${relais.catalog.refresh-interval:60s}", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refreshRegularly() {
        return refresh().replaceWithVoid()
                .onFailure().invoke(failure -> Log.warnf("catalogue refresh: %s (the previous catalogue stays)", failure.toString()))
                .onFailure().recoverWithNull();
    }

    public boolean isLoaded() {
        return current != null;
    }

    public Catalog current() {
        Catalog catalog = current;
        if (catalog == null) {
            throw new IllegalStateException("the catalogue is not loaded yet");
        }
        return catalog;
    }

    /** Reads the catalogue again and makes it current; emits the catalogue now in use. */
    public Uni<Catalog> refresh() {
        return Uni.createFrom().deferred(() -> {
            long ticket = started.incrementAndGet();
            return repository.load().map(loaded -> {
                synchronized (this) {
                    if (ticket > applied) {
                        applied = ticket;
                        current = loaded;
                        metrics.registerCounters(loaded);
                    }
                    return current;
                }
            });
        });
    }
}
