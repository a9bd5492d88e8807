/**
 * The journey model, plain Java: {@link fr.relais.journey.domain.JourneyState} (the fold of a journey's events),
 * {@link fr.relais.journey.domain.JourneyDecider} ({@code decide(command, state) -> events | rejection}, with every
 * rule in its class comment), {@link fr.relais.journey.domain.FieldValidator} and the
 * {@link fr.relais.journey.domain.RejectionReasons}. No Quarkus, Kafka or Hibernate imports: the service layer
 * loads the state, calls the decider with the opened answers and a time, and stores what it returns.
 */
package fr.relais.journey.domain;
