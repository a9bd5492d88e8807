package fr.relais.gateway.overload;

import io.quarkus.load.shedding.RequestPriority;
import io.quarkus.load.shedding.RequestPrioritizer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

/**
 * Under overload, work already accepted is finished before new work is taken: the poll of an acknowledged command
 * is kept longest, a new journey is refused first; everything else (steps, pages, reads) is normal.
 */
@Singleton
public class RequestPriorities implements RequestPrioritizer<RoutingContext> {

    @Override
    public boolean appliesTo(Object request) {
        return request instanceof RoutingContext;
    }

    @Override
    public RequestPriority priority(RoutingContext request) {
        return of(request.request().method(), request.normalizedPath());
    }

    static RequestPriority of(HttpMethod method, String path) {
        if (HttpMethod.GET.equals(method) && path.startsWith("/api/commands/")) {
            return RequestPriority.IMPORTANT;
        }
        if (HttpMethod.POST.equals(method) && path.equals("/api/portal/journeys")) {
            return RequestPriority.BACKGROUND;
        }
        return RequestPriority.NORMAL;
    }
}
