package fr.relais.mediation.api;

import fr.relais.mediation.experience.Transparency;
import fr.relais.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * What everyone may read, without signing in: aggregates with every cell of fewer than k journeys hidden, comments a
 * moderator published, owners' answers; the open data as CSV or JSON (columns: README, "Experience").
 */
@Path("/experience")
@PermitAll
public class TransparencyResource {

    private static final int OPEN_DATA_DAYS = 365;

    @Inject
    Transparency transparency;

    @Inject
    Clock clock;

    @GET
    @Path("/transparency")
    @Produces("application/json")
    public Uni<Transparency.Published> transparency(@QueryParam("days") @DefaultValue("90") int days) {
        if (days < 1 || days > 366) {
            throw ProblemException.badRequest("invalid-period", "days must be between 1 and 366");
        }
        return transparency.published(clock.instant().minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
    }

    @GET
    @Path("/open-data")
    @Produces({"text/csv", "application/json"})
    public Uni<Response> openData(@QueryParam("format") @DefaultValue("csv") String format) {
        if (!format.equals("csv") && !format.equals("json")) {
            throw ProblemException.badRequest("invalid-format", "format is csv or json");
        }
        return transparency.openData(OPEN_DATA_DAYS).map(data -> {
            String file = "relais-experience-" + data.publishedOn() + "." + format;
            Response.ResponseBuilder answer = format.equals("csv")
                    ? Response.ok(Transparency.csv(data), "text/csv; charset=utf-8")
                    : Response.ok(data, "application/json");
            return answer.header("Content-Disposition", "attachment; filename=" + file).build();
        });
    }
}
