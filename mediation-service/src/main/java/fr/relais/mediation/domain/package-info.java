/**
 * What friction and mediation <em>are</em>, in plain Java: signals, the friction score with its
 * explanation, priorities, mediation cases with their SLAs and the escalation ladder. No Quarkus, Kafka
 * or Hibernate here; the service layer loads, decides with these rules, stores and publishes.
 */
package fr.relais.mediation.domain;
