package fr.relais.problem;

import com.fasterxml.jackson.core.JsonParseException;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** Throws, on demand, each kind of failure a Relais service meets, for the mappers to answer. */
@Path("/trouble")
public class TroubleResource {

    public record Note(String text) {
    }

    @GET
    @Path("/{kind}")
    public String trouble(@PathParam("kind") String kind) throws Exception {
        throw switch (kind) {
            case "conflict" -> ProblemException.conflict("slot-taken", "the slot was taken a moment ago");
            case "field" -> ProblemException.invalidField("answers.city", "answers.city is null: leave an empty field out");
            case "members" -> new ProblemException(422, "too-far", "Booking refused", "at most 60 days ahead",
                    Map.of("limitDays", 60));
            case "role" -> new ForbiddenException("role agent required");
            case "json" -> new JsonParseException(null, "Unexpected character ('n')");
            case "gone" -> new WebApplicationException("the hold expired", 410);
            case "unavailable" -> new WebApplicationException("db host 10.0.0.7 down", 503);
            default -> new IllegalStateException("secret internal state for " + kind);
        };
    }

    @POST
    @Path("/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Note note(Note note) {
        return note;
    }
}
