package fr.relais.notification.service;

import fr.relais.document.FrenchDates;
import fr.relais.document.FranceServicesSites;
import fr.relais.notification.channel.EmailSender;
import fr.relais.notification.channel.SendResult;
import fr.relais.notification.channel.SmsSender;
import fr.relais.notification.config.NotificationConfig;
import fr.relais.notification.domain.Channel;
import fr.relais.notification.domain.ChannelPlan;
import fr.relais.notification.domain.QuietHours;
import fr.relais.notification.domain.Recipient;
import fr.relais.notification.domain.Retries;
import fr.relais.notification.domain.Trigger;
import fr.relais.notification.downstream.Recipients;
import fr.relais.notification.persistence.DeliveryEntity;
import fr.relais.notification.persistence.NotificationEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plans due notifications (is it still worth sending, who is she, which channels) and sends due deliveries (quiet hours,
 * consent at send time, retries, fallback). Runs on a worker thread: SMTP and SMPP calls block. Contact details are
 * read from journey-service for each step and live only in this method's variables.
 */
@ApplicationScoped
public class Dispatcher {

    @Inject
    Leases leases;
    @Inject
    Outcomes outcomes;
    @Inject
    Recipients recipients;
    @Inject
    Templates templates;
    @Inject
    Staleness staleness;
    @Inject
    EmailSender email;
    @Inject
    SmsSender sms;
    @Inject
    QuietHours quietHours;
    @Inject
    Retries retries;
    @Inject
    NotificationConfig config;
    @Inject
    Clock clock;

    @Scheduled(every = "${relais.notifications.poll-interval}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pass() {
        try {
            planDue();
            sendDue();
        } catch (RuntimeException e) {
            // the failure's class only: a driver or client message may echo a value
            Log.warnf("notification pass failed, next pass retries: %s%s", e.getClass().getSimpleName(),
                    e.getCause() == null ? "" : " (" + e.getCause().getClass().getSimpleName() + ")");
        }
    }

    /** Plans the due notifications; returns how many were taken. */
    public int planDue() {
        List<NotificationEntity> due = Db.await(() -> leases.notifications(clock.instant()));
        due.forEach(this::plan);
        return due.size();
    }

    /** Sends the due deliveries; returns how many were taken. */
    public int sendDue() {
        List<DeliveryEntity> due = Db.await(() -> leases.deliveries(clock.instant()));
        due.forEach(this::send);
        return due.size();
    }

    private void plan(NotificationEntity n) {
        Trigger trigger = Trigger.of(n.trigger).orElseThrow();
        Optional<String> stale = Db.await(() -> staleness.reason(n, clock.instant()));
        if (stale.isPresent()) {
            Db.await(() -> outcomes.dropped(n.id, "dropped", stale.get()));
            return;
        }
        Recipient recipient;
        try {
            recipient = forLetters(n, recipients.of(n.journeyId));
        } catch (RuntimeException e) {
            if (e instanceof WebApplicationException refused && refused.getResponse().getStatus() == 404) {
                // journey-service knows no such journey: nobody to write to, said once on notification.events
                Db.await(() -> outcomes.dropped(n.id, "failed", "unknown-journey"));
                return;
            }
            Log.warnf("recipient of notification %s unknown for now (%s)", n.id, e.getClass().getSimpleName());
            Db.await(() -> outcomes.planLater(n.id, clock.instant().plus(retries.delayAfter(n.attempts))));
            return;
        }
        List<Channel> channels = ChannelPlan.first(trigger, recipient);
        if (channels.isEmpty()) {
            Db.await(() -> outcomes.dropped(n.id, "failed", "no-channel"));
            return;
        }
        List<NewDelivery> deliveries = new ArrayList<>();
        try {
            for (Channel channel : channels) {
                deliveries.add(render(n, trigger, recipient, channel));
            }
        } catch (Templates.UnknownTemplateException e) {
            Log.errorf("notification %s: %s", n.id, e.getMessage());
            Db.await(() -> outcomes.dropped(n.id, "failed", "unknown-template"));
            return;
        }
        Db.await(() -> outcomes.planned(n.id, recipient.personId(), recipient.accountSubject(), deliveries));
    }

    private void send(DeliveryEntity d) {
        Channel channel = Channel.of(d.channel);
        NotificationEntity n = Db.await(() -> Panache.withSession(() -> NotificationEntity.<NotificationEntity>findById(d.notificationId)));
        Trigger trigger = Trigger.of(n.trigger).orElseThrow();
        Instant now = clock.instant();
        Optional<String> stale = Db.await(() -> staleness.reason(n, now));
        if (stale.isPresent()) {
            Db.await(() -> outcomes.failed(d.id, "dropped", stale.get(), null));
            return;
        }
        if (channel == Channel.SMS) {
            Instant allowed = quietHours.allowedFrom(now);
            if (allowed.isAfter(now)) {
                Db.await(() -> outcomes.deferred(d.id, allowed));
                return;
            }
        }
        Recipient recipient;
        try {
            recipient = forLetters(n, recipients.of(n.journeyId));
        } catch (RuntimeException e) {
            Db.await(() -> outcomes.retry(d.id, "recipient-unavailable", now.plus(retries.delayAfter(d.attempts + 1))));
            return;
        }
        if (!recipient.reachableBy(channel)) {
            // she withdrew her consent or her contact since the plan: honoured now, and the next channel takes over
            NewDelivery next = fallback(n, trigger, recipient, channel);
            Db.await(() -> outcomes.failed(d.id, "dropped", "opted-out", next));
            return;
        }
        SendResult result = switch (channel) {
            case EMAIL -> email.send(recipient.email(), d.subject, d.body);
            case SMS -> sms.send(recipient.phone(), d.body);
            case LETTER -> new SendResult.Accepted(null);
        };
        if (result instanceof SendResult.Accepted accepted) {
            Db.await(() -> channel == Channel.LETTER
                    ? outcomes.sent(d.id, null, n.site, LocalDate.ofInstant(now, FrenchDates.PARIS))
                    : outcomes.sent(d.id, accepted.providerId(), null, null));
        } else if (result instanceof SendResult.Temporary temporary && !retries.exhausted(d.attempts + 1)) {
            Db.await(() -> outcomes.retry(d.id, temporary.reason(), now.plus(retries.delayAfter(d.attempts + 1))));
        } else {
            String reason = result instanceof SendResult.Temporary temporary ? temporary.reason()
                    : ((SendResult.Permanent) result).reason();
            NewDelivery next = fallback(n, trigger, recipient, channel);
            Db.await(() -> outcomes.failed(d.id, "failed", reason, next));
        }
    }

    /** The next untried channel, rendered; null when none is left. Blocks: call it outside Db.await. */
    private NewDelivery fallback(NotificationEntity n, Trigger trigger, Recipient recipient, Channel failed) {
        Set<Channel> tried = Db.await(() -> Panache.withSession(() -> DeliveryEntity.<DeliveryEntity>list("notificationId", n.id)))
                .stream().map(row -> Channel.of(row.channel)).collect(Collectors.toSet());
        tried.add(failed);
        return ChannelPlan.next(trigger, recipient, tried).map(next -> render(n, trigger, recipient, next)).orElse(null);
    }

    private NewDelivery render(NotificationEntity n, Trigger trigger, Recipient recipient, Channel channel) {
        Templates.Rendered text = templates.render(trigger, channel,
                MessageFacts.of(n, config.portalUrl(), config.helpLine(), channel, recipient.surveyConsent()));
        return new NewDelivery(channel, text.subject(), text.body());
    }

    /** Letters are printed by a France Services site: without one, the letter channel is closed for this message. */
    private static Recipient forLetters(NotificationEntity n, Recipient recipient) {
        return FranceServicesSites.isDesk(n.site) ? recipient : recipient.withoutLetters();
    }
}
