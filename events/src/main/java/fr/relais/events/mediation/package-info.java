/**
 * What mediation-service tells the others on {@code mediation.events}: a mediation case was opened,
 * claimed, contacted, resolved, or one of its SLAs is at risk or breached.
 *
 * <p>No personal data: ids, codes (priority, pool, outcome), scores, policy versions and instants only.
 * A mediator appears as the pseudonymous Keycloak {@code sub}; the notes a mediator writes stay in
 * mediation-service's database and never travel.
 */
package fr.relais.events.mediation;
