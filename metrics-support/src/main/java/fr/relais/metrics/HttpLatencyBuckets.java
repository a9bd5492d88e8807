package fr.relais.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Duration;

/**
 * Gives {@code http_server_requests_seconds} a few fixed buckets, so Prometheus computes p95/p99 latency across
 * instances (histogram_quantile); fixed SLO buckets rather than Micrometer's ~70 percentile buckets keep the
 * series count per route small.
 */
public class HttpLatencyBuckets implements MeterFilter {

    /** Quarkus applies the MeterFilter beans it is given by a producer, as its Micrometer guide shows. */
    @Produces
    @Singleton
    static MeterFilter httpLatencyBuckets() {
        return new HttpLatencyBuckets();
    }

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    static final double[] BUCKETS_NANOS = java.util.stream.Stream.of(
                    Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
                    Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                    Duration.ofMillis(2500), Duration.ofSeconds(5))
            .mapToDouble(Duration::toNanos).toArray();

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (!HTTP_SERVER_REQUESTS.equals(id.getName())) {
            return config;
        }
        return DistributionStatisticConfig.builder().serviceLevelObjectives(BUCKETS_NANOS).build().merge(config);
    }
}
