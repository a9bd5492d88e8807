package fr.relais.journey.service;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the citizen's receipt says: her resume code and where the journey stands. Her names are printed on the paper
 * she takes home; they are absent for a journey started online without a person record.
 *
 * @param startedChannel portal, desk or phone; {@code startedSite} the agent's site when an agent started it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReceiptView(UUID journeyId, String procedureId, int procedureVersion, String resumeCode, Instant startedAt,
                          String startedChannel, String startedSite, String status, String currentStep,
                          List<String> completedSteps, String givenNames, String familyName) {
}
