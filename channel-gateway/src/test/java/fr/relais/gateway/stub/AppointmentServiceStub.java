package fr.relais.gateway.stub;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Stands in for appointment-service's booking API: a slot can be held once; the second hold is a 409 problem. */
@Path("/stub/appointment")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppointmentServiceStub {

    private static final Set<String> HELD = ConcurrentHashMap.newKeySet();

    /** A booking this stub reads slower than the gateway waits (its read timeout is 1.5 s in tests). */
    public static final UUID SLOW_BOOKING = UUID.fromString("00000000-0000-0000-0000-00000000510e");

    @GET
    @Path("/bookings/{id}")
    public Response booking(@PathParam("id") UUID id) throws InterruptedException {
        if (SLOW_BOOKING.equals(id)) {
            Thread.sleep(3000);
        }
        return Response.status(404).build();
    }

    /** The sites that exist (appointment-service owns the list); the gateway checks named sites against it. */
    @GET
    @Path("/sites")
    public List<Map<String, Object>> sites() {
        return List.of(Map.of("id", "fs-aubervilliers", "name", "France Services Aubervilliers", "department", "93"),
                Map.of("id", "fs-gueret", "name", "France Services Guéret", "department", "23"));
    }

    /** Journeys with a confirmed appointment today (tests register them); others get 404, like a walk-in. */
    public static final Set<UUID> BOOKED_TODAY = ConcurrentHashMap.newKeySet();

    /** Journeys whose appointment today is hours away: check-in is not open yet (409), as appointment-service says. */
    public static final Set<UUID> BOOKED_LATER_TODAY = ConcurrentHashMap.newKeySet();

    @POST
    @Path("/check-ins")
    public Response checkIn(Map<String, UUID> body) {
        UUID journeyId = body.get("journeyId");
        if (BOOKED_LATER_TODAY.contains(journeyId)) {
            return Response.status(409).type("application/problem+json").entity(Map.of("type",
                    "https://relais.example/problems/not-check-in-time", "title", "Booking refused", "status", 409,
                    "reason", "not-check-in-time", "detail", "check-in opens 60 min before 2026-11-26T14:00:00Z")).build();
        }
        if (!BOOKED_TODAY.contains(journeyId)) {
            return Response.status(404).type("application/problem+json").entity(Map.of("type",
                    "https://relais.example/problems/not-found", "title", "Not found", "status", 404)).build();
        }
        return Response.ok(Map.of("id", UUID.randomUUID(), "journeyId", journeyId, "status", "CHECKED_IN")).build();
    }

    @POST
    @Path("/bookings")
    public Response hold(JsonNode body, @HeaderParam("Authorization") String authorization) {
        if (authorization == null) {
            return Response.status(401).build();
        }
        String slot = body.path("site").asText() + "@" + body.path("startsAt").asText();
        if (!HELD.add(slot)) {
            return Response.status(409).type("application/problem+json").entity(Map.of("type",
                    "https://relais.example/problems/slot-taken", "title", "Slot taken", "status", 409, "reason", "slot-taken")).build();
        }
        return Response.status(201).entity(Map.of("id", UUID.randomUUID(), "status", "HELD", "site", body.path("site").asText())).build();
    }
}
