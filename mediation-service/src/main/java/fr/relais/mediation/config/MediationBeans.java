package fr.relais.mediation.config;

import fr.relais.mediation.domain.FrictionPolicy;
import fr.relais.messaging.clock.ServiceClock;
import fr.relais.mediation.policy.PolicyReader;
import fr.relais.mediation.service.MetricLabels;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;

/** Wires the plain-Java domain into CDI. */
@ApplicationScoped
public class MediationBeans {

    /** Loaded and validated at start-up: a bad policy stops the service with file and line. */
    @Produces
    @Singleton
    @Startup
    FrictionPolicy policy(@ConfigProperty(name = "relais.friction.policy", defaultValue = "friction-policy/v1.yaml") String resource) {
        FrictionPolicy policy = PolicyReader.fromClasspath(resource);
        Log.infof("friction policy %s loaded: version %d, threshold %.1f, %d signals, %d procedure overrides",
                resource, policy.version(), policy.threshold(), policy.signals().size(), policy.procedures().size());
        return policy;
    }

    @Produces
    @Singleton
    MetricLabels metricLabels(MetricLabelsConfig config) {
        return new MetricLabels(config.procedures());
    }

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "relais.clock.offset", defaultValue = "PT0S") Duration offset) {
        return ServiceClock.systemShiftedBy(offset);
    }
}
