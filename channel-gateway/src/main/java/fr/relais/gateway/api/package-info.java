/**
 * The parts of the public OpenAPI document that every operation shares: one tag per channel and the answers of a
 * command, which operations point at by name ({@code @APIResponse(responseCode = "200", ref = COMMAND_ACCEPTED)}, names
 * in {@link fr.relais.gateway.api.OpenApiDocument}). The problem responses (RFC 9457) come by rule from problem-support's
 * {@code ProblemResponsesFilter}. SmallRye reads such a definition from a package or an Application class.
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
                @APIResponse(name = OpenApiDocument.COMMAND_ACCEPTED, responseCode = "200", description = "journey-service accepted the command",
                        content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandResponses.Accepted.class))),
                @APIResponse(name = OpenApiDocument.COMMAND_PENDING, responseCode = "202", description = "Not decided yet: ask again at poll (GET /api/commands/{id})",
                        content = @Content(mediaType = "application/json", schema = @Schema(implementation = CommandResponses.Pending.class)))
        }))
package fr.relais.gateway.api;

import fr.relais.gateway.commands.CommandResponses;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
