/**
 * Sites, counters, opening hours (with exceptions and French public holidays), motifs and their booking
 * rules, slot computation, reminders and no-shows. Plain Java: no Quarkus, Kafka or Hibernate imports.
 */
package fr.relais.appointment.domain;
