package fr.relais.appointment.api;

import fr.relais.appointment.domain.Motif;
import fr.relais.appointment.domain.Site;
import fr.relais.appointment.service.CatalogCache;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.util.Comparator;
import java.util.List;

/** Sites and motifs: public reference data, for any signed-in caller. */
@Path("/")
@Authenticated
public class SiteResource {

    @Inject
    CatalogCache catalogs;

    public record SiteView(String id, String name, String department, String channel, int counters) {
    }

    public record MotifView(String id, String title, List<String> steps, long durationMinutes, String channel,
                            long minimumNoticeMinutes, long maximumHorizonDays, List<String> sites) {
    }

    @GET
    @Path("/sites")
    public Uni<List<SiteView>> sites(@QueryParam("department") String department) {
        return Uni.createFrom().item(catalogs.current()).map(catalog -> catalog.sites().values().stream()
                .filter(s -> department == null || department.equals(s.department()))
                .sorted(Comparator.comparing(Site::id))
                .map(s -> new SiteView(s.id(), s.name(), s.department(), s.channel().wire(), s.counters().size()))
                .toList());
    }

    @GET
    @Path("/motifs")
    public Uni<List<MotifView>> motifs() {
        return Uni.createFrom().item(catalogs.current()).map(catalog -> catalog.motifs().values().stream()
                .sorted(Comparator.comparing(Motif::id))
                .map(m -> new MotifView(m.id(), m.title(), m.steps().stream().sorted().toList(), m.duration().toMinutes(),
                        m.channel().wire(), m.rules().minimumNotice().toMinutes(), m.rules().maximumHorizon().toDays(),
                        m.sites().stream().sorted().toList()))
                .toList());
    }
}
