package fr.relais.notification.service;

import fr.relais.notification.api.MessageViews;
import fr.relais.notification.persistence.DeliveryEntity;
import fr.relais.notification.persistence.NotificationEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The messages a screen shows. */
@ApplicationScoped
public class MessageReads {

    static final int LIMIT = 200;

    public Uni<List<MessageViews.Mine>> mine(String accountSubject) {
        return Panache.withSession(() -> NotificationEntity.<NotificationEntity>find(
                        "accountSubject = ?1 order by createdAt desc", accountSubject).page(0, LIMIT).list()
                .flatMap(notifications -> deliveriesOf(notifications).map(deliveries -> {
                    List<MessageViews.Mine> views = new ArrayList<>();
                    for (DeliveryEntity d : deliveries) {
                        NotificationEntity n = byId(notifications).get(d.notificationId);
                        views.add(new MessageViews.Mine(n.id, n.journeyId, n.trigger, d.channel, d.status, d.sentAt,
                                d.deliveredAt, d.subject, d.body, d.deferred));
                    }
                    views.sort(Comparator.comparing((MessageViews.Mine v) -> v.sentAt() == null ? java.time.Instant.MAX : v.sentAt())
                            .reversed());
                    return views;
                })));
    }

    public Uni<List<MessageViews.ForStaff>> ofJourney(UUID journeyId) {
        return Panache.withSession(() -> NotificationEntity.<NotificationEntity>find(
                        "journeyId = ?1 order by createdAt desc", journeyId).page(0, LIMIT).list()
                .flatMap(notifications -> deliveriesOf(notifications).map(deliveries -> {
                    Map<UUID, NotificationEntity> byId = byId(notifications);
                    List<MessageViews.ForStaff> views = new ArrayList<>();
                    for (NotificationEntity n : notifications) {
                        List<DeliveryEntity> mine = deliveries.stream().filter(d -> d.notificationId.equals(n.id)).toList();
                        if (mine.isEmpty()) {
                            // planned to nobody: the screen shows why nothing went ("failed"/"dropped"), on no channel
                            views.add(new MessageViews.ForStaff(n.id, n.trigger, "none", n.status, n.createdAt, null, null, n.bookingId));
                        }
                        for (DeliveryEntity d : mine) {
                            views.add(new MessageViews.ForStaff(n.id, n.trigger, d.channel, d.status, byId.get(n.id).createdAt,
                                    d.sentAt, d.deliveredAt, n.bookingId));
                        }
                    }
                    return views;
                })));
    }

    private static Uni<List<DeliveryEntity>> deliveriesOf(List<NotificationEntity> notifications) {
        if (notifications.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return DeliveryEntity.list("notificationId in ?1", notifications.stream().map(n -> n.id).toList());
    }

    private static Map<UUID, NotificationEntity> byId(List<NotificationEntity> notifications) {
        return notifications.stream().collect(Collectors.toMap(n -> n.id, Function.identity()));
    }
}
