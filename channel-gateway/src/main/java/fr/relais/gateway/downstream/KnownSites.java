package fr.relais.gateway.downstream;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.relais.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The sites that exist, as appointment-service (which owns them) lists them: a site named in a command must be one,
 * so no free text rides on journey.commands. Kept a few minutes; a failed read is not kept (the next request asks again).
 */
@ApplicationScoped
public class KnownSites {

    private static final String ALL = "all";

    @Inject
    @RestClient
    AppointmentServiceClient appointments;

    private final AsyncCache<String, Set<String>> sites = Caffeine.newBuilder()
            .maximumSize(1).expireAfterWrite(Duration.ofMinutes(5)).buildAsync();

    /** Whether {@code site} is a known site id; read with the caller's token (the list is reference data for any signed-in caller). */
    public Uni<Boolean> isKnown(String site) {
        if (site == null || site.isBlank()) {
            return Uni.createFrom().item(false);
        }
        // the loader runs on the calling request, so its token is the one propagated to appointment-service
        return Uni.createFrom().completionStage(() -> sites.get(ALL, (key, executor) -> appointments.sites(null)
                        .map(KnownSites::ids).subscribeAsCompletionStage()))
                .map(ids -> ids.contains(site));
    }

    /** Completes when {@code site} is a known site; otherwise fails with a 400 problem naming {@code field}. */
    public Uni<Void> requireKnown(String field, String site) {
        return isKnown(site).map(known -> {
            if (!known) {
                throw ProblemException.invalidField(field, field + " is not a known site id");
            }
            return null;
        }).replaceWithVoid();
    }

    private static Set<String> ids(List<BookingAnswers.Site> list) {
        return list.stream().map(BookingAnswers.Site::id).filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }
}
