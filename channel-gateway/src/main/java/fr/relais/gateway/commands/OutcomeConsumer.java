package fr.relais.gateway.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import fr.relais.events.ContractJson;
import fr.relais.events.journey.CommandOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads every command outcome (each gateway instance has its own consumer group, so each sees all
 * outcomes) and hands it to the waiting request. An unreadable outcome is logged and skipped: the
 * caller's request then answers 202, and its poll gets the outcome from journey-service.
 */
@ApplicationScoped
public class OutcomeConsumer {

    @Inject
    CommandGateway gateway;

    @Inject
    UnreadableRecords unreadable;

    @Incoming("journey-outcomes")
    public void consume(String json) {
        try {
            gateway.onOutcome(ContractJson.mapper().readValue(json, CommandOutcome.class));
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            unreadable.skipped("journey.outcomes", e);
        }
    }
}
