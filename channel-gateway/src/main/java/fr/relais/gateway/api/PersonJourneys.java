package fr.relais.gateway.api;

import fr.relais.events.journey.Actor;
import fr.relais.events.journey.StartJourney;
import fr.relais.gateway.commands.CommandIds;
import fr.relais.gateway.commands.CommandResult;
import fr.relais.gateway.downstream.JourneyServiceClient;
import fr.relais.gateway.downstream.PersonAnswers;
import fr.relais.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.UUID;

/**
 * A journey an agent starts for a citizen without an account: for a person record found earlier (its id), or for a
 * new one recorded first (journey-service checks the draft and refuses a duplicate). The journey id is the gateway's
 * choice, derived from the Idempotency-Key when there is one, as for a citizen's own start.
 */
@ApplicationScoped
public class PersonJourneys {

    @Inject
    @RestClient
    JourneyServiceClient journeys;

    @Inject
    JourneyActions actions;

    /** What to start: a procedure, and a person by id or as a new record (exactly one of the two). */
    @Schema(name = "PersonJourneyStart")
    public record Start(String procedureId, UUID personId, PersonAnswers.Draft person) {
    }

    /** The body checked, field by field, before anything is recorded or sent. */
    public static void check(Start start) {
        if (start == null || start.procedureId() == null || start.procedureId().isBlank()) {
            throw ProblemException.invalidField("procedureId", "procedureId is required: the procedure to start");
        }
        if ((start.personId() == null) == (start.person() == null)) {
            throw ProblemException.invalidField("personId", "give personId (a person found by a search) or person (a new record), not both");
        }
    }

    /** The procedure must be one journey-service offers: refused as a 400 naming the field before a person is recorded. */
    public Uni<Void> requireProcedure(String procedureId) {
        return journeys.procedures().map(all -> {
            if (all.stream().noneMatch(p -> procedureId.equals(p.id()))) {
                throw ProblemException.invalidField("procedureId", "no procedure with this id; see GET /api/portal/procedures");
            }
            return null;
        });
    }

    /** The person's id: the one given, or that of the record created now. */
    public Uni<UUID> person(Start start) {
        return start.personId() != null ? Uni.createFrom().item(start.personId())
                : journeys.createPerson(start.person()).map(PersonAnswers.Person::personId);
    }

    /** StartJourney for the person, decided by journey-service (claimed at once by the agent). */
    public Uni<CommandResult> start(Actor agent, String key, String procedureId, UUID personId) {
        UUID journeyId = CommandIds.newJourneyId(agent.subject(), key);
        return actions.decide(agent, key, (commandId, now) -> new StartJourney(commandId, journeyId, agent, now, procedureId, personId));
    }

    /** The whole start: procedure checked, person found or recorded, journey started. */
    public Uni<CommandResult> start(Actor agent, String key, Start start) {
        check(start);
        return requireProcedure(start.procedureId()).flatMap(known -> person(start))
                .flatMap(personId -> start(agent, key, start.procedureId(), personId));
    }
}
