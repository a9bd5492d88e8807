package fr.relais.journey.service;

import fr.relais.journey.persistence.ProcessedCommandEntity;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/**
 * The outcome of a decided command, for the caller who issued it: journey-service is the authority on commands, so a
 * gateway instance that never saw the outcome (another instance's 202, a restart) asks here.
 */
@ApplicationScoped
public class CommandOutcomes {

    /** The stored outcome JSON (the contract's form, as on journey.outcomes); empty when unknown or issued by someone else. */
    @WithSession
    public Uni<Optional<String>> of(UUID commandId, String subject) {
        return ProcessedCommandEntity.<ProcessedCommandEntity>findById(commandId)
                .map(done -> done != null && subject != null && subject.equals(done.issuedBy)
                        ? Optional.of(done.outcome) : Optional.empty());
    }
}
