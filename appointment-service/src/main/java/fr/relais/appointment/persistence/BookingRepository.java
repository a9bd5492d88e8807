package fr.relais.appointment.persistence;

import fr.relais.appointment.domain.BookingStatus;
import fr.relais.appointment.domain.TimeWindow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** SQL for bookings and their timers. Every method runs on the client it is given (a transaction's connection, usually). */
@ApplicationScoped
public class BookingRepository {

    public static final String LIVE = "('HELD', 'CONFIRMED', 'CHECKED_IN')";
    /** SQLSTATE of an exclusion-constraint violation: the counter is taken for that time. */
    public static final String EXCLUSION_VIOLATION = "23P01";
    public static final String UNIQUE_VIOLATION = "23505";

    public Uni<Map<String, List<TimeWindow>>> liveWindows(SqlClient client, List<String> siteIds, Instant from, Instant to) {
        return client.preparedQuery("select counter_id, starts_at, ends_at from booking where site_id = any($1) and status in "
                        + LIVE + " and starts_at < $3 and ends_at > $2")
                .execute(Tuple.of(siteIds.toArray(String[]::new), at(from), at(to)))
                .map(rows -> {
                    Map<String, List<TimeWindow>> busy = new HashMap<>();
                    for (Row r : rows) {
                        busy.computeIfAbsent(r.getString("counter_id"), k -> new ArrayList<>())
                                .add(new TimeWindow(BookingRow.instant(r, "starts_at"), BookingRow.instant(r, "ends_at")));
                    }
                    return busy;
                });
    }

    public Uni<Boolean> hasActiveForStep(SqlClient client, UUID journeyId, String procedureId, String stepId, UUID except) {
        return client.preparedQuery("select 1 from booking where journey_id = $1 and procedure_id = $2 and step_id = $3"
                        + " and status in ('HELD', 'CONFIRMED') and id <> $4")
                .execute(Tuple.of(journeyId, procedureId, stepId, except == null ? new UUID(0, 0) : except))
                .map(rows -> rows.size() > 0);
    }

    public Uni<Void> insert(SqlClient client, BookingRow b) {
        return client.preparedQuery("insert into booking (id, journey_id, procedure_id, step_id, motif_id, site_id, counter_id,"
                        + " starts_at, ends_at, status, hold_expires_at, owner_subject, booked_by_subject, booked_by_role)"
                        + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,"
                        + " coalesce($12, (select owner_subject from journey_owner where journey_id = $2)), $13, $14)")
                .execute(Tuple.from(new Object[]{b.id(), b.journeyId(), b.procedureId(), b.stepId(), b.motifId(), b.siteId(),
                        b.counterId(), at(b.startsAt()), at(b.endsAt()), b.status().name(), at(b.holdExpiresAt()),
                        b.ownerSubject(), b.bookedBySubject(), b.bookedByRole()}))
                .replaceWithVoid();
    }

    public Uni<Optional<BookingRow>> findForUpdate(SqlClient client, UUID id) {
        return client.preparedQuery("select * from booking where id = $1 for update").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(BookingRow.from(rows.iterator().next())));
    }

    public Uni<Optional<BookingRow>> find(SqlClient client, UUID id) {
        return client.preparedQuery("select * from booking where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(BookingRow.from(rows.iterator().next())));
    }

    public Uni<List<BookingRow>> ofJourney(SqlClient client, UUID journeyId) {
        return client.preparedQuery("select * from booking where journey_id = $1 order by starts_at").execute(Tuple.of(journeyId))
                .map(BookingRepository::list);
    }

    public Uni<List<BookingRow>> ofOwner(SqlClient client, String subject) {
        return client.preparedQuery("select * from booking where owner_subject = $1 order by starts_at").execute(Tuple.of(subject))
                .map(BookingRepository::list);
    }

    public Uni<List<BookingRow>> daySheet(SqlClient client, String siteId, Instant from, Instant to) {
        return client.preparedQuery("select * from booking where site_id = $1 and starts_at >= $2 and starts_at < $3"
                        + " and status in ('CONFIRMED', 'CHECKED_IN', 'NO_SHOW') order by starts_at, counter_id")
                .execute(Tuple.of(siteId, at(from), at(to)))
                .map(BookingRepository::list);
    }

    /** The confirmed booking of a journey at a site that is open for check-in around {@code now}. */
    public Uni<List<BookingRow>> checkInCandidates(SqlClient client, UUID journeyId, String siteId, Instant from, Instant to) {
        return client.preparedQuery("select * from booking where journey_id = $1 and site_id = $2 and status = 'CONFIRMED'"
                        + " and starts_at >= $3 and starts_at < $4 order by starts_at for update")
                .execute(Tuple.of(journeyId, siteId, at(from), at(to)))
                .map(BookingRepository::list);
    }

    public Uni<Void> setStatus(SqlClient client, UUID id, BookingStatus status, String cancelReason) {
        return client.preparedQuery("update booking set status = $2, cancel_reason = coalesce($3, cancel_reason),"
                        + " hold_expires_at = case when $2 = 'HELD' then hold_expires_at else null end, updated_at = now() where id = $1")
                .execute(Tuple.of(id, status.name(), cancelReason))
                .replaceWithVoid();
    }

    public Uni<Void> move(SqlClient client, UUID id, String siteId, String counterId, Instant start, Instant end) {
        return client.preparedQuery("update booking set site_id = $2, counter_id = $3, starts_at = $4, ends_at = $5,"
                        + " updated_at = now() where id = $1")
                .execute(Tuple.of(id, siteId, counterId, at(start), at(end)))
                .replaceWithVoid();
    }

    public Uni<Void> schedule(SqlClient client, UUID bookingId, String kind, String code, Instant due) {
        return client.preparedQuery("insert into scheduled_job (booking_id, kind, code, due_at) values ($1, $2, $3, $4)")
                .execute(Tuple.of(bookingId, kind, code, at(due)))
                .replaceWithVoid();
    }

    public Uni<Void> dropPendingJobs(SqlClient client, UUID bookingId, String outcome) {
        return client.preparedQuery("update scheduled_job set done_at = now(), outcome = $2 where booking_id = $1 and done_at is null")
                .execute(Tuple.of(bookingId, outcome))
                .replaceWithVoid();
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static List<BookingRow> list(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<BookingRow> list = new ArrayList<>();
        rows.forEach(r -> list.add(BookingRow.from(r)));
        return list;
    }
}
