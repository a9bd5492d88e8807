package fr.relais.gateway.web;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientRequestContext;
import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientRequestFilter;

/**
 * Web pages have a session cookie, not an Authorization header, so header propagation gives the downstream
 * services nothing: the session's own access token is forwarded instead, so each service still applies its
 * rules to the real caller. API calls keep their propagated header untouched.
 */
@Provider
public class SessionTokenForwarding implements ResteasyReactiveClientRequestFilter {

    @Inject
    CurrentIdentityAssociation identities;

    @Override
    public void filter(ResteasyReactiveClientRequestContext request) {
        if (request.getHeaders().containsKey(HttpHeaders.AUTHORIZATION)) {
            return;
        }
        SecurityIdentity identity = identities.getIdentity();
        AccessTokenCredential token = identity == null ? null : identity.getCredential(AccessTokenCredential.class);
        if (token != null && token.getToken() != null) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
        }
    }
}
