package fr.relais.journey.config;

import fr.relais.events.journey.AnswerSealer;
import fr.relais.journey.domain.JourneyDecider;
import fr.relais.journey.procedure.ProcedureCatalog;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;

/** Wires the plain-Java domain into CDI. */
@ApplicationScoped
public class JourneyBeans {

    /** Loaded and validated at start-up: a bad definition stops the service with file and line. */
    @Produces
    @Singleton
    ProcedureCatalog catalog() {
        ProcedureCatalog catalog = ProcedureCatalog.loadFromClasspath();
        Log.infof("procedures loaded: %s", catalog.currentAll().stream().map(p -> p.id() + " v" + p.version()).toList());
        return catalog;
    }

    @Produces
    @Singleton
    JourneyDecider decider(ProcedureCatalog catalog, @ConfigProperty(name = "relais.sites") List<String> sites) {
        return new JourneyDecider(catalog, new HashSet<>(sites));
    }

    @Produces
    @Singleton
    AnswerSealer sealer(AnswersConfig config) {
        return AnswerSealer.fromBase64(config.keyId(), config.key());
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
