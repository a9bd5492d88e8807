package fr.relais.metrics;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class HttpLatencyBucketsTest {

    @Test
    void httpServerRequestsGetTheFixedBucketsAndOtherTimersKeepTheirs() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new HttpLatencyBuckets());
        Timer http = Timer.builder(HttpLatencyBuckets.HTTP_SERVER_REQUESTS).tag("uri", "/api/portal/journeys").register(registry);
        Timer other = Timer.builder("relais_something_seconds").register(registry);
        http.record(Duration.ofMillis(30));
        http.record(Duration.ofMillis(700));
        other.record(Duration.ofMillis(30));

        CountAtBucket[] buckets = http.takeSnapshot().histogramCounts();
        assertThat(buckets).hasSize(10);
        assertThat(Arrays.stream(buckets).filter(b -> b.bucket(java.util.concurrent.TimeUnit.MILLISECONDS) == 50.0)
                .findFirst().orElseThrow().count()).isEqualTo(1);
        assertThat(Arrays.stream(buckets).filter(b -> b.bucket(java.util.concurrent.TimeUnit.SECONDS) == 1.0)
                .findFirst().orElseThrow().count()).isEqualTo(2);
        assertThat(other.takeSnapshot().histogramCounts()).isEmpty();
    }
}
