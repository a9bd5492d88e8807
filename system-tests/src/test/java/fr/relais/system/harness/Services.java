package fr.relais.system.harness;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The running service processes of one system-suite run; closing stops them, the gateway first. */
public final class Services implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    private final Map<String, ServiceProcess> byName;
    private final Instant startedAt;
    private final Map<TopicPartition, Long> offsetsAtStart;

    Services(Map<String, ServiceProcess> byName, Instant startedAt, Map<TopicPartition, Long> offsetsAtStart) {
        this.byName = byName;
        this.startedAt = startedAt;
        this.offsetsAtStart = Map.copyOf(offsetsAtStart);
    }

    /** Where each of the run's topic partitions ended before the services started: the run wrote everything after. */
    public Map<TopicPartition, Long> offsetsAtStart() {
        return offsetsAtStart;
    }

    public ServiceProcess journey() {
        return byName.get("journey-service");
    }

    public ServiceProcess appointment() {
        return byName.get("appointment-service");
    }

    public ServiceProcess mediation() {
        return byName.get("mediation-service");
    }

    public ServiceProcess notification() {
        return byName.get("notification-service");
    }

    public ServiceProcess gateway() {
        return byName.get("channel-gateway");
    }

    /** When the suite's services started: the operations proof queries Prometheus from here on. */
    public Instant startedAt() {
        return startedAt;
    }

    /** Where to look when a scenario fails. */
    public String logs() {
        return byName.values().stream().map(s -> s.name() + ": " + s.log()).toList().toString();
    }

    @Override
    public void close() {
        for (String name : List.of("channel-gateway", "notification-service", "mediation-service", "appointment-service", "journey-service")) {
            byName.get(name).stop();
        }
    }
}
