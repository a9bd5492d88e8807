package fr.relais.appointment.service;

import fr.relais.appointment.domain.BookingStatus;
import fr.relais.appointment.domain.NoShows;
import fr.relais.appointment.domain.Reminders;
import fr.relais.appointment.messaging.Outbox;
import fr.relais.appointment.messaging.OutboxRelay;
import fr.relais.appointment.persistence.BookingRepository;
import fr.relais.appointment.persistence.BookingRow;
import fr.relais.events.appointment.AppointmentNoShow;
import fr.relais.events.appointment.AppointmentReminderDue;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the timers stored in {@code scheduled_job}: hold expiry, reminders, no-show checks. Due rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED} together with their booking, so several instances share
 * the work, a booking being changed by a request is skipped until the next poll, and a timer survives
 * a restart (it is a row, not a thread). Each decision is made again from the booking's current state,
 * so a reminder never fires after the start or for a cancelled booking.
 */
@ApplicationScoped
public class DueJobs {

    private static final int BATCH = 100;
    private static final String DUE = "select j.id as job_id, j.kind, j.code, b.* from scheduled_job j"
            + " join booking b on b.id = j.booking_id where j.done_at is null and j.due_at <= $1"
            + " order by j.due_at limit " + BATCH + " for update skip locked";

    @Inject
    Pool pool;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    BookingRepository bookings;

    @Inject
    AppointmentMetrics metrics;

    @Inject
    Clock clock;

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

    private volatile boolean stopping;

    /** On SIGTERM, claim no new jobs; a batch in flight commits or rolls back as a whole. */
    void stop(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        stopping = true;
    }

    /** Runs the jobs due now, one batch, in one transaction; emits how many ran. */
    public Uni<Integer> runDue() {
        Instant now = clock.instant();
        return pool.withTransaction(connection -> connection.preparedQuery(DUE).execute(Tuple.of(now.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    List<Row> list = new ArrayList<>();
                    rows.forEach(list::add);
                    return list;
                })
                .flatMap(rows -> Multi.createFrom().iterable(rows)
                        .onItem().transformToUniAndConcatenate(row -> run(connection, row, now))
                        .collect().asList())
                .map(List::size));
    }

    private Uni<Void> run(SqlConnection connection, Row row, Instant now) {
        long jobId = row.getLong("job_id");
        String kind = row.getString("kind");
        BookingRow booking = BookingRow.from(row);
        Uni<String> outcome = switch (kind) {
            case "HOLD_EXPIRY" -> {
                if (booking.status() != BookingStatus.HELD) {
                    yield Uni.createFrom().item("obsolete");
                }
                yield bookings.setStatus(connection, booking.id(), BookingStatus.EXPIRED, null)
                        .invoke(() -> metrics.holdExpired(booking.siteId(), booking.motifId()))
                        .replaceWith("expired");
            }
            case "REMINDER" -> {
                if (!Reminders.shouldFire(booking.status(), booking.startsAt(), now)) {
                    yield Uni.createFrom().item("skipped");
                }
                yield outbox.add(connection, new AppointmentReminderDue(booking.id(), booking.journeyId(), now, booking.siteId(),
                        booking.counterId(), booking.motifId(), booking.procedureId(), booking.stepId(), booking.startsAt(),
                        booking.endsAt(), row.getString("code"))).replaceWith("sent");
            }
            case "NO_SHOW" -> {
                if (!NoShows.isNoShow(booking.status(), booking.startsAt(), now)) {
                    yield Uni.createFrom().item("skipped");
                }
                yield bookings.setStatus(connection, booking.id(), BookingStatus.NO_SHOW, null)
                        .flatMap(ignored -> outbox.add(connection, new AppointmentNoShow(booking.id(), booking.journeyId(), now,
                                booking.siteId(), booking.counterId(), booking.motifId(), booking.procedureId(), booking.stepId(),
                                booking.startsAt(), booking.endsAt())))
                        .invoke(() -> metrics.noShow(booking.siteId(), booking.motifId()))
                        .replaceWith("no-show");
            }
            default -> Uni.createFrom().item("unknown-kind");
        };
        return outcome.flatMap(result -> connection.preparedQuery("update scheduled_job set done_at = now(), outcome = $2 where id = $1")
                .execute(Tuple.of(jobId, result)).replaceWithVoid());
    }
}
