/**
 * Load shedding at the public entrance: while an instance's commands not yet decided by journey-service reach a
 * bound, new journeys are refused at once with a 503 problem and a Retry-After; journeys under way go on.
 */
package fr.relais.gateway.overload;
