package fr.relais.journey.api;

import fr.relais.journey.accesslog.AccessLogDigests;
import fr.relais.journey.accesslog.DigestView;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * The ops API of the access log's signed digests: operators keep copies elsewhere (a digest held outside the
 * database cannot be rewritten with it) and ask for one before an audit. Roots and counts only, no chain ids.
 */
@Path("/access-log")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"ops", "admin"})
public class AccessLogDigestResource {

    /** The verifying key, as the verifier takes it. */
    public record SigningKeyView(String algorithm, String publicKey, String keyId) {
    }

    @Inject
    AccessLogDigests digests;

    @GET
    @Path("/digests")
    public Uni<List<DigestView>> latest(@QueryParam("count") Integer count) {
        return digests.latest(count == null ? 30 : Math.max(1, Math.min(count, 366)));
    }

    @POST
    @Path("/digests")
    public Uni<DigestView> makeNow() {
        return digests.makeNow();
    }

    @GET
    @Path("/signing-key")
    public SigningKeyView signingKey() {
        return new SigningKeyView("Ed25519", digests.verifyingKey().base64(), digests.verifyingKey().keyId());
    }
}
