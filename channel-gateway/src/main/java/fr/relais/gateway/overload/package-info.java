/**
 * Load shedding at the public entrance: while an instance's commands not yet decided by journey-service exceed what
 * journey-service decides for it in a second (within a floor and a ceiling), new journeys are refused at once with a
 * 503 problem and a Retry-After; journeys under way go on.
 */
package fr.relais.gateway.overload;
