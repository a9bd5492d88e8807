package fr.relais.journey.api;

import fr.relais.journey.procedure.ProcedureCatalog;
import fr.relais.journey.procedure.ProcedureDefinition;
import fr.relais.problem.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The procedures a journey can follow, at their current version (a running journey keeps its own). */
@Path("/procedures")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ProcedureResource {

    @Inject
    ProcedureCatalog catalog;

    @GET
    public List<ProcedureDefinition> all() {
        return catalog.currentAll();
    }

    @GET
    @Path("/{id}")
    public ProcedureDefinition one(@PathParam("id") String id) {
        return catalog.current(id).orElseThrow(() -> ProblemException.notFound("no procedure " + id));
    }

    @GET
    @Path("/{id}/versions/{version}")
    public ProcedureDefinition version(@PathParam("id") String id, @PathParam("version") int version) {
        return catalog.version(id, version).orElseThrow(() -> ProblemException.notFound("no procedure " + id + " v" + version));
    }
}
