/**
 * Journey commands (on {@code journey.commands}, imperative names), journey events (on
 * {@code journey.events}, past tense) and command outcomes (on {@code journey.outcomes}).
 * journey-service is the single writer of a journey: every change is a command, every fact an event.
 *
 * <p>No personal data in any of these records: ids, codes, step names, channel and site names and
 * timestamps only. {@link fr.relais.events.journey.Actor#subject()} is the pseudonymous Keycloak
 * {@code sub}, never a name; {@link fr.relais.events.journey.StepCompleted} names fields but never
 * carries their values; form answers travel only sealed ({@link fr.relais.events.journey.AnswerSealer});
 * resume codes and check fields never travel at all.
 */
package fr.relais.events.journey;
