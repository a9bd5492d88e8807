package fr.relais.gateway.commands;

import fr.relais.events.journey.CommandOutcome;

import java.util.UUID;

/** A command's fate as the caller sees it: decided (accepted or rejected), or still pending. */
public record CommandResult(UUID commandId, UUID journeyId, CommandOutcome outcome) {

    public boolean pending() {
        return outcome == null;
    }
}
