package fr.relais.mediation.plumbing;

import fr.relais.mediation.Db;
import fr.relais.mediation.TestTopics;
import fr.relais.messaging.lease.Lease;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two instances contending for one lease in the same database: one holds it, the other takes over only once it expired. */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class LeaseTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Inject
    Pool pool;

    @Test
    void oneHolderAtATimeAndTheOtherTakesOverAfterExpiry() {
        String name = "test-" + UUID.randomUUID();
        Lease first = new Lease(name, "instance-a", Duration.ofSeconds(2));
        Lease second = new Lease(name, "instance-b", Duration.ofSeconds(2));
        try {
            assertThat(first.acquire(pool).await().atMost(WAIT)).as("the first contender takes the free lease").isTrue();
            assertThat(second.acquire(pool).await().atMost(WAIT)).as("the second one is refused while it is held").isFalse();
            assertThat(first.acquire(pool).await().atMost(WAIT)).as("the holder renews it").isTrue();
            assertThat(holder(name)).isEqualTo("instance-a");

            // the holder stops renewing (a crash): the other takes the lease once it has expired, not before
            long start = System.nanoTime();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                    .until(() -> second.acquire(pool).await().atMost(WAIT));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(1000));
            assertThat(holder(name)).isEqualTo("instance-b");
            assertThat(first.acquire(pool).await().atMost(WAIT)).as("the former holder is now refused").isFalse();

            // a released lease goes to the next contender at once
            second.release(pool).await().atMost(WAIT);
            assertThat(first.acquire(pool).await().atMost(WAIT)).isTrue();
            assertThat(holder(name)).isEqualTo("instance-a");
        } finally {
            Db.update("delete from relais_lease where name = ?", name);
        }
    }

    private static Object holder(String name) {
        return Db.query("select holder from relais_lease where name = ?", name).get(0).get("holder");
    }
}
