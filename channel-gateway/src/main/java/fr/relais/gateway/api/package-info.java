/**
 * The parts of the public OpenAPI document that every operation shares: one tag per channel, the problem responses
 * (RFC 9457 bodies, {@code application/problem+json}) and the answers of a command. Operations point at these by
 * name ({@code @APIResponse(responseCode = "404", ref = NOT_FOUND)}, names in {@link fr.relais.gateway.api.OpenApiDocument}),
 * so a problem is described once. SmallRye reads such a definition from a package or an Application class.
 */
@OpenAPIDefinition(
        // the title and version the configuration gives (quarkus.smallrye-openapi.info-*) win over these
        info = @Info(title = "Relais channel-gateway", version = "1"),
        tags = {
                @Tag(name = OpenApiDocument.PORTAL, description = "The citizen's portal: her procedures, step by step, continuing elsewhere"),
                @Tag(name = OpenApiDocument.PHONE, description = "The phone agent's console: verify the caller, then act during the time box"),
                @Tag(name = OpenApiDocument.DESK, description = "The counter agent's screen at a France Services site"),
                @Tag(name = OpenApiDocument.APPOINTMENTS, description = "Slots and bookings, decided by appointment-service"),
                @Tag(name = OpenApiDocument.MEDIATION, description = "The mediator console, decided by mediation-service"),
                @Tag(name = OpenApiDocument.COMMON, description = "What every channel's screens use: who am I, a command's outcome, live updates")},
        components = @Components(responses = {
                @APIResponse(name = OpenApiDocument.BAD_REQUEST, responseCode = "400", description = "The request is not valid: the problem says what to fix",
                        content = @Content(mediaType = Problem.PROBLEM_JSON, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = OpenApiDocument.UNAUTHORIZED, responseCode = "401", description = "No valid token (or session) for this service",
                        content = @Content(mediaType = Problem.PROBLEM_JSON, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = OpenApiDocument.FORBIDDEN, responseCode = "403", description = "The caller's role, or the reason they have, does not allow it",
                        content = @Content(mediaType = Problem.PROBLEM_JSON, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = OpenApiDocument.NOT_FOUND, responseCode = "404", description = "Nothing of that id that the caller may see",
                        content = @Content(mediaType = Problem.PROBLEM_JSON, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = OpenApiDocument.CONFLICT, responseCode = "409", description = "The current state does not allow it (already claimed, wrong step, slot taken…)",
                        content = @Content(mediaType = Problem.PROBLEM_JSON, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = OpenApiDocument.UNPROCESSABLE, responseCode = "422", description = "Understood but refused: invalid answers, or an Idempotency-Key reused for another request",
                        content = @Content(mediaType = Problem.PROBLEM_JSON, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = OpenApiDocument.TOO_MANY_REQUESTS, responseCode = "429", description = "Too many tries: wait before trying again",
                        content = @Content(mediaType = Problem.PROBLEM_JSON, schema = @Schema(implementation = Problem.class))),
                @APIResponse(name = OpenApiDocument.COMMAND_ACCEPTED, responseCode = "200", description = "journey-service accepted the command",
                        content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandResponses.Accepted.class))),
                @APIResponse(name = OpenApiDocument.COMMAND_PENDING, responseCode = "202", description = "Not decided yet: ask again at poll (GET /api/commands/{id})",
                        content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandResponses.Pending.class)))
        }))
package fr.relais.gateway.api;

import fr.relais.gateway.commands.CommandResponses;
import fr.relais.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
