/**
 * Appointment events (on {@code appointment.events}, past tense), written by appointment-service.
 * No personal data: booking, journey, site, counter and motif ids, step names and instants only.
 */
package fr.relais.events.appointment;
