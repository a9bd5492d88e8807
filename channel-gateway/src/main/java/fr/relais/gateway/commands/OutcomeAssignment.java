package fr.relais.gateway.commands;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.Collection;

/**
 * The gateway reads outcomes from its group's committed offset (from the end of journey.outcomes for a new group):
 * until its partitions are assigned, an outcome would pass unseen and its request would wait until its 202. So the
 * gateway is not ready before.
 */
@ApplicationScoped
@Identifier("journey-outcomes-assignment")
@Readiness
public class OutcomeAssignment implements KafkaConsumerRebalanceListener, HealthCheck {

    private volatile boolean assigned;

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        // position() resolves the offsets now (committed, or "latest" for a new group), so everything produced from here on is seen
        partitions.forEach(consumer::position);
        assigned = !partitions.isEmpty() || assigned;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("journey.outcomes partitions assigned").status(assigned).build();
    }
}
