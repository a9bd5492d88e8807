package fr.relais.gateway.downstream;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientRequestContext;
import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientRequestFilter;

/**
 * Removes any Authorization header from a call to a public endpoint ({@link PublicExperienceClient}): it runs after the
 * session's token forwarding (a later priority), so what a public page reads never depends on, nor carries, who asks.
 */
@Priority(Priorities.USER + 1000)
public class WithoutCallerToken implements ResteasyReactiveClientRequestFilter {

    @Override
    public void filter(ResteasyReactiveClientRequestContext request) {
        request.getHeaders().remove(HttpHeaders.AUTHORIZATION);
    }
}
