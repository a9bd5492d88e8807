package fr.relais.appointment.service;

import fr.relais.appointment.domain.BookingStatus;
import fr.relais.appointment.domain.NoShows;
import fr.relais.appointment.domain.Reminders;
import fr.relais.messaging.outbox.OutboxRelay;
import fr.relais.appointment.persistence.BookingEntity;
import fr.relais.appointment.persistence.BookingRepository;
import fr.relais.appointment.persistence.ScheduledJobEntity;
import fr.relais.events.appointment.AppointmentNoShow;
import fr.relais.events.appointment.AppointmentReminderDue;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs the timers stored in {@code scheduled_job}: hold expiry, reminders, no-show checks. Due rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED} together with their booking, so several instances share
 * the work, a booking being changed by a request is skipped until the next poll, and a timer survives
 * a restart (it is a row, not a thread). Each decision is made again from the booking's current state,
 * so a reminder never fires after the start or for a cancelled booking. "Now" is the service's Clock.
 */
@ApplicationScoped
public class DueJobs {

    private static final int BATCH = 100;
    // FOR UPDATE without OF locks the job and its booking; rows locked by a request in flight are skipped
    private static final String DUE = "select j.* from scheduled_job j join booking b on b.id = j.booking_id"
            + " where j.done_at is null and j.due_at <= :now order by j.due_at limit " + BATCH + " for update skip locked";

    @Inject
    AppointmentOutbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    BookingRepository bookings;

    @Inject
    AppointmentMetrics metrics;

    @Inject
    Clock clock;

    @Inject
    NoShows noShows;

    private volatile boolean stopping;

    @Scheduled(every = "${relais.jobs.poll-interval:1s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> poll() {
        if (stopping) {
            return Uni.createFrom().voidItem();
        }
        return runDue().invoke(count -> {
            if (count > 0) {
                relay.publishSoon();
            }
        }).onFailure().invoke(failure -> Log.warnf("due jobs: %s", failure.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** On SIGTERM, claim no new jobs; a batch in flight commits or rolls back as a whole. */
    void stop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Runs the jobs due now, one batch, in one transaction; emits how many ran. */
    public Uni<Integer> runDue() {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery(DUE, ScheduledJobEntity.class).setParameter("now", now).getResultList())
                .flatMap(jobs -> jobs.isEmpty() ? Uni.createFrom().item(0) : bookingsOf(jobs)
                        .flatMap(byId -> Multi.createFrom().iterable(jobs)
                                .onItem().transformToUniAndConcatenate(job -> run(job, byId.get(job.bookingId), now))
                                .collect().asList()
                                .map(List::size))));
    }

    private Uni<Map<java.util.UUID, BookingEntity>> bookingsOf(List<ScheduledJobEntity> jobs) {
        // already locked by the claim above
        return bookings.list("id in ?1", jobs.stream().map(j -> j.bookingId).distinct().toList())
                .map(list -> list.stream().collect(Collectors.toMap(b -> b.id, Function.identity())));
    }

    private Uni<Void> run(ScheduledJobEntity job, BookingEntity booking, Instant now) {
        Uni<String> outcome = switch (job.kind) {
            case ScheduledJobEntity.HOLD_EXPIRY -> {
                if (booking.status != BookingStatus.HELD) {
                    yield Uni.createFrom().item("obsolete");
                }
                booking.changeStatus(BookingStatus.EXPIRED, null, now);
                metrics.holdExpired(booking.siteId, booking.motifId);
                yield Uni.createFrom().item("expired");
            }
            case ScheduledJobEntity.REMINDER -> {
                if (!Reminders.shouldFire(booking.status, booking.startsAt, now)) {
                    yield Uni.createFrom().item("skipped");
                }
                yield outbox.add(new AppointmentReminderDue(booking.id, booking.journeyId, now, booking.siteId,
                        booking.counterId, booking.motifId, booking.procedureId, booking.stepId, booking.startsAt,
                        booking.endsAt, job.code)).replaceWith("sent");
            }
            case ScheduledJobEntity.NO_SHOW -> {
                if (booking.status == BookingStatus.CONFIRMED && now.isBefore(noShows.checkAt(booking.startsAt))) {
                    // the grace was made longer since this check was scheduled: check again when it ends
                    yield bookings.schedule(booking.id, ScheduledJobEntity.NO_SHOW, null, noShows.checkAt(booking.startsAt))
                            .replaceWith("postponed");
                }
                if (!noShows.isNoShow(booking.status, booking.startsAt, now)) {
                    yield Uni.createFrom().item("skipped");
                }
                booking.changeStatus(BookingStatus.NO_SHOW, null, now);
                yield outbox.add(new AppointmentNoShow(booking.id, booking.journeyId, now, booking.siteId,
                                booking.counterId, booking.motifId, booking.procedureId, booking.stepId,
                                booking.startsAt, booking.endsAt))
                        .invoke(() -> metrics.noShow(booking.siteId, booking.motifId, booking.remindedAt))
                        .replaceWith("no-show");
            }
            default -> Uni.createFrom().item("unknown-kind");
        };
        return outcome.invoke(result -> {
            job.doneAt = now;
            job.outcome = result;
        }).replaceWithVoid();
    }
}
