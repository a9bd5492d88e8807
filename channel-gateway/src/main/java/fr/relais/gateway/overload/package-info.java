/**
 * Load shedding at the public entrance: past the concurrency the gateway can serve with its usual latency, new work is
 * refused at once with a 503 problem and a Retry-After, so the requests it accepts keep a bounded latency.
 */
package fr.relais.gateway.overload;
