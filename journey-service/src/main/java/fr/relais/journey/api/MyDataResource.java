package fr.relais.journey.api;

import fr.relais.journey.service.MyDataExport;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** Everything journey-service holds about the calling citizen, for her data export (the gateway adds the others'). */
@Path("/persons/me/data")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("citizen")
public class MyDataResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    MyDataExport export;

    @GET
    public Uni<MyDataExport.Export> mine() {
        return export.of(Callers.actor(identity, token));
    }
}
