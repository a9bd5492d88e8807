package fr.relais.appointment;

import io.agroal.api.AgroalDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Direct SQL on the test database: what a crashed process or an earlier day left behind. */
public final class TestDatabase {

    private final AgroalDataSource dataSource;

    public TestDatabase(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every test starts from the seeded sites and motifs with no bookings. */
    public void clearBookings() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("delete from scheduled_job");
            s.execute("delete from booking");
        }
    }

    public void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    public UUID insertBooking(UUID journeyId, String procedure, String step, String motif, String site, String counter,
                              Instant start, Instant end, String status, Instant holdExpiresAt) throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into booking (id, journey_id, procedure_id, step_id, motif_id, site_id, counter_id, starts_at, ends_at,"
                        + " status, hold_expires_at, booked_by_subject, booked_by_role) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'test', 'citizen')")) {
            s.setObject(1, id);
            s.setObject(2, journeyId);
            s.setString(3, procedure);
            s.setString(4, step);
            s.setString(5, motif);
            s.setString(6, site);
            s.setString(7, counter);
            s.setTimestamp(8, Timestamp.from(start));
            s.setTimestamp(9, Timestamp.from(end));
            s.setString(10, status);
            s.setTimestamp(11, holdExpiresAt == null ? null : Timestamp.from(holdExpiresAt));
            s.executeUpdate();
        }
        return id;
    }

    public void insertJob(UUID bookingId, String kind, String code, Instant due) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "insert into scheduled_job (booking_id, kind, code, due_at) values (?, ?, ?, ?)")) {
            s.setObject(1, bookingId);
            s.setString(2, kind);
            s.setString(3, code);
            s.setTimestamp(4, Timestamp.from(due));
            s.executeUpdate();
        }
    }

    /**
     * A positive marker that the timers ran a pass with their clock at {@code clockNow} or later: a cancelled booking's
     * reminder due then is marked skipped. Jobs run in due order, so anything due by then ran in that pass too.
     */
    public void awaitTimersPassAt(Instant clockNow) throws Exception {
        UUID marker = insertBooking(UUID.randomUUID(), "cni-renouvellement", "remise", "cni-remise", "fs-saint-denis",
                "fs-saint-denis-g2", clockNow.plus(Duration.ofDays(30)), clockNow.plus(Duration.ofDays(30)).plusSeconds(600),
                "CANCELLED", null);
        insertJob(marker, "REMINDER", "h2", clockNow);
        await("a timers pass at " + clockNow).atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> "skipped".equals(jobOutcome(marker, "REMINDER")));
    }

    /** Every event written so far has been handed to Kafka. */
    public void awaitOutboxDrained() {
        await("the outbox drained").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> count("select count(*) from outbox where published_at is null") == 0);
    }

    public String status(UUID bookingId) throws Exception {
        return single("select status from booking where id = ?", bookingId);
    }

    /** When the booking's citizen was first reminded, null if never. */
    public Instant remindedAt(UUID bookingId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select reminded_at from booking where id = ?")) {
            s.setObject(1, bookingId);
            try (ResultSet r = s.executeQuery()) {
                Timestamp at = r.next() ? r.getTimestamp(1) : null;
                return at == null ? null : at.toInstant();
            }
        }
    }

    public String jobOutcome(UUID bookingId, String kind) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select coalesce(outcome, '') from scheduled_job where booking_id = ? and kind = ? order by id desc limit 1")) {
            s.setObject(1, bookingId);
            s.setString(2, kind);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    public long count(String sql, Object... params) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private String single(String sql, Object param) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, param);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }
}
