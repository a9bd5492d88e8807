package fr.relais.events.journey;

import fr.relais.events.Samples;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CommandOutcomeTest {

    private final JourneyCommand claim = (JourneyCommand) Samples.of(ClaimJourney.class);

    @Test
    void acceptedCarriesTheEventsAndNoReason() {
        UUID eventId = UUID.randomUUID();
        CommandOutcome outcome = CommandOutcome.accepted(claim, List.of(eventId), 5, JourneyStatus.WITH_AGENT, Samples.AT);
        assertEquals(claim.commandId(), outcome.commandId());
        assertEquals(CommandOutcome.Status.ACCEPTED, outcome.status());
        assertNull(outcome.reason());
        assertEquals(List.of(eventId), outcome.eventIds());
        assertEquals("WITH_AGENT", outcome.journeyStatus());
    }

    @Test
    void rejectedOnAnUnknownJourneyHasNoStatus() {
        CommandOutcome outcome = CommandOutcome.rejected(claim, CommandOutcome.REASON_UNKNOWN_JOURNEY, null,
                null, 0, null, Samples.AT);
        assertEquals(CommandOutcome.Status.REJECTED, outcome.status());
        assertNull(outcome.journeyStatus());
        assertEquals(List.of(), outcome.fieldErrors());
        assertEquals(List.of(), outcome.eventIds());
    }

    @Test
    void aReasonIsRequiredExactlyWhenRejected() {
        assertThrows(IllegalArgumentException.class, () -> CommandOutcome.rejected(claim, null, null, null, 0,
                null, Samples.AT));
        assertThrows(IllegalArgumentException.class, () -> new CommandOutcome(claim.commandId(), claim.journeyId(),
                CommandOutcome.Status.ACCEPTED, "not-allowed", null, null, null, 1, "IN_PROGRESS", Samples.AT));
    }
}
