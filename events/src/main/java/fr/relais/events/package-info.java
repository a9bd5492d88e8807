/**
 * The Kafka contracts of Relais: topic names, the CloudEvents attributes every record carries,
 * and the registry that ties each payload record to its CloudEvents {@code type} and JSON Schema.
 *
 * <p>No personal data in any record defined here or in the sub-packages: ids, codes, step names,
 * channel names and timestamps only. Names, birth dates, contact details, addresses, form answers
 * and documents stay in journey-service's database (form answers cross Kafka only sealed, see
 * {@link fr.relais.events.journey.AnswerSealer}).
 *
 * <p>Evolution is additive: new optional fields may appear in any payload and readers ignore what
 * they do not know; a breaking change is a new {@code type} version ({@code .v2}).
 */
package fr.relais.events;
