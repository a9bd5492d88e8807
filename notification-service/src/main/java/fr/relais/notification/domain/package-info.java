/**
 * The rules of messages to citizens, without I/O: which trigger says what and until when, which channels a person can
 * be reached on and in which order, quiet hours, retries, and SMS text that fits GSM-7.
 */
package fr.relais.notification.domain;
