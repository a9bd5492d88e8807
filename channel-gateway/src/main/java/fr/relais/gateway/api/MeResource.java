package fr.relais.gateway.api;

import fr.relais.security.StaffClaims;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static fr.relais.gateway.api.OpenApiDocument.*;

/**
 * Who the caller is, as the token says: the portal and the agent screens use it to decide which
 * pages to offer. Only the pseudonymous subject and the authorisation facts, no personal data.
 */
@Tag(name = COMMON)
@Path("/api/me")
@Authenticated
public class MeResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    public record Me(String subject, Set<String> roles, String site, List<String> pools) {
    }

    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Me.class)))
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Me me() {
        return new Me(token.getSubject(), new TreeSet<>(identity.getRoles()), StaffClaims.site(token), List.copyOf(StaffClaims.pools(token)));
    }
}
