package fr.relais.journey.config;

import fr.relais.journey.procedure.ProcedureCatalog;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Touches the catalog at start-up, so an invalid procedure file stops the service before it takes traffic. */
@Startup
@ApplicationScoped
public class StartupChecks {

    @Inject
    StartupChecks(ProcedureCatalog catalog) {
        catalog.currentAll();
    }
}
