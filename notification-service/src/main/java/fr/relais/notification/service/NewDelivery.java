package fr.relais.notification.service;

import fr.relais.notification.domain.Channel;
import fr.relais.notification.persistence.DeliveryEntity;

import java.time.Instant;
import java.util.UUID;

/** A channel chosen for a notification, with its rendered text. */
public record NewDelivery(Channel channel, String subject, String body) {

    DeliveryEntity row(UUID notificationId, Instant now) {
        DeliveryEntity row = new DeliveryEntity();
        row.id = UUID.randomUUID();
        row.notificationId = notificationId;
        row.channel = channel.code();
        row.status = "pending";
        row.subject = subject;
        row.body = body;
        row.nextAttemptAt = now;
        return row;
    }
}
