package fr.relais.appointment.api;

import fr.relais.appointment.service.CatalogCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the catalogue (sites, hours, closures, motifs) is in memory: every booking decision reads it. */
@Readiness
@ApplicationScoped
public class CatalogReadiness implements HealthCheck {

    @Inject
    CatalogCache catalog;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Appointment catalogue").status(catalog.isLoaded()).build();
    }
}
