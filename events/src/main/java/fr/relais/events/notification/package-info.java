/**
 * What notification-service tells the others on {@code notification.events}: a message to a citizen was sent,
 * delivered, or could not reach her on any channel. Ids and codes only: never an address, a number or a text.
 */
package fr.relais.events.notification;
