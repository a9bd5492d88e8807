package fr.relais.bench.baseline;

import fr.relais.bench.report.Latency;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.HdrHistogram.Histogram;

/**
 * The raw single-row transaction rate of this machine's PostgreSQL: {@code connections} threads, each looping an
 * autocommit INSERT of one row. One statement is one transaction (one WAL flush), the fair baseline for "one command =
 * one transaction" in the services.
 */
public final class PostgresBaseline {

    private static final String PAYLOAD = "x".repeat(200);
    /** Beyond the run's duration, how long a worker may take to finish its last statement. */
    private static final Duration GRACE = Duration.ofSeconds(30);

    private PostgresBaseline() {
    }

    public static PostgresFigures run(String jdbcUrl, String user, String password, int connections, Duration duration) {
        try (Connection admin = DriverManager.getConnection(jdbcUrl, user, password)) {
            String serverVersion;
            try (Statement st = admin.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS bench_probe (id bigserial primary key, payload text not null, "
                        + "created_at timestamptz not null default now())");
                st.execute("TRUNCATE bench_probe");
                try (ResultSet rs = st.executeQuery("SHOW server_version")) {
                    rs.next();
                    serverVersion = rs.getString(1);
                }
            }
            try {
                return measure(jdbcUrl, user, password, connections, duration, serverVersion);
            } finally {
                try (Statement st = admin.createStatement()) {
                    st.execute("DROP TABLE IF EXISTS bench_probe");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL baseline failed on " + jdbcUrl + ": " + e.getMessage(), e);
        }
    }

    private static PostgresFigures measure(String jdbcUrl, String user, String password, int connections,
            Duration duration, String serverVersion) throws SQLException {
        ExecutorService pool = Executors.newFixedThreadPool(connections, r -> {
            Thread t = new Thread(r, "bench-postgres-baseline");
            t.setDaemon(true);
            return t;
        });
        List<Connection> opened = new ArrayList<>();
        try {
            // Connect first, so connection set-up is not part of the measured window.
            for (int i = 0; i < connections; i++) {
                opened.add(DriverManager.getConnection(jdbcUrl, user, password));
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Histogram>> workers = new ArrayList<>();
            for (Connection c : opened) {
                workers.add(pool.submit(() -> insertLoop(c, go, duration)));
            }
            long start = System.nanoTime();
            go.countDown();
            Histogram all = Latency.newHistogram();
            long deadline = start + duration.plus(GRACE).toNanos();
            for (Future<Histogram> w : workers) {
                all.add(w.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new PostgresFigures(connections, all.getTotalCount() / seconds, Latency.of(all), serverVersion);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during the PostgreSQL baseline", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("a PostgreSQL baseline worker failed", e.getCause() != null ? e.getCause() : e);
        } finally {
            pool.shutdownNow();
            for (Connection c : opened) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing a scratch connection: nothing to do
                }
            }
        }
    }

    /** One connection's loop; autocommit is on, so each executeUpdate is its own transaction. */
    private static Histogram insertLoop(Connection c, CountDownLatch go, Duration duration) throws Exception {
        Histogram micros = Latency.newHistogram();
        c.setAutoCommit(true);
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO bench_probe(payload) VALUES (?)")) {
            insert.setString(1, PAYLOAD);
            go.await();
            long end = System.nanoTime() + duration.toNanos();
            long now = System.nanoTime();
            while (now < end) {
                insert.executeUpdate();
                long done = System.nanoTime();
                micros.recordValue(Math.max(1, Math.min((done - now) / 1_000, micros.getHighestTrackableValue())));
                now = done;
            }
        }
        return micros;
    }
}
