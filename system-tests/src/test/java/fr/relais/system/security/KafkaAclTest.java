package fr.relais.system.security;

import fr.relais.system.harness.RelaisSystem;
import fr.relais.testsupport.KafkaCredentials;
import fr.relais.testsupport.Stack;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The broker, not the services' good manners, keeps each service to its own topics: a record forged under another
 * service's principal, a wrong password and a topic made by a service are all refused by Kafka itself.
 */
@ExtendWith(RelaisSystem.class)
@Order(46)
class KafkaAclTest {

    private static final String PREFIX = RelaisSystem.TOPIC_PREFIX;

    @Test
    void aServiceMayWriteOnlyTheTopicsItOwns() throws Exception {
        // allowed: mediation-service writes its own events' dead-letter topic (nobody consumes it, nothing is disturbed)
        try (KafkaProducer<String, String> mediation = producer(KafkaCredentials.client("mediation-service"))) {
            assertThat(mediation.send(new ProducerRecord<>(PREFIX + "journey.events.dlq", "k", "acl check"))
                    .get(20, TimeUnit.SECONDS).topic()).isEqualTo(PREFIX + "journey.events.dlq");
            // refused: journey.events has one writer, journey-service; a forged fact from mediation-service never lands
            assertThatThrownBy(() -> mediation.send(new ProducerRecord<>(PREFIX + "journey.events", "k", "{\"forged\":true}"))
                    .get(20, TimeUnit.SECONDS)).satisfies(e -> assertThat(chain(e)).hasAtLeastOneElementOfType(TopicAuthorizationException.class));
        }
        for (String topic : List.of("journey.events", "journey.outcomes", "appointment.events", "mediation.events")) {
            try (KafkaProducer<String, String> gateway = producer(KafkaCredentials.client("channel-gateway"))) {
                assertThatThrownBy(() -> gateway.send(new ProducerRecord<>(PREFIX + topic, "k", "{}")).get(20, TimeUnit.SECONDS))
                        .as("the gateway writing " + topic).satisfies(e -> assertThat(chain(e)).hasAtLeastOneElementOfType(TopicAuthorizationException.class));
            }
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        try (KafkaProducer<String, String> impostor = producer(KafkaCredentials.client("journey-service", "not-the-password"))) {
            assertThatThrownBy(() -> impostor.send(new ProducerRecord<>(PREFIX + "journey.events", "k", "{}")).get(20, TimeUnit.SECONDS))
                    .satisfies(e -> assertThat(chain(e)).hasAtLeastOneElementOfType(SaslAuthenticationException.class));
        }
    }

    @Test
    void aServiceCannotMakeTopics() {
        Map<String, Object> settings = new HashMap<>(KafkaCredentials.client("journey-service"));
        settings.put("bootstrap.servers", Stack.kafkaBootstrap());
        try (Admin admin = Admin.create(settings)) {
            assertThatThrownBy(() -> admin.createTopics(List.of(new NewTopic(PREFIX + "journey.shadow", 1, (short) 1)))
                    .all().get(20, TimeUnit.SECONDS)).satisfies(e -> assertThat(chain(e)).hasAtLeastOneElementOfType(TopicAuthorizationException.class));
        }
    }

    /** The exception and its causes: the client reports refusals directly or wrapped, depending on when it learns them. */
    private static List<Throwable> chain(Throwable e) {
        List<Throwable> chain = new java.util.ArrayList<>();
        for (Throwable t = e; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> credentials) {
        Map<String, Object> settings = new HashMap<>(credentials);
        settings.put("bootstrap.servers", Stack.kafkaBootstrap());
        settings.put("key.serializer", StringSerializer.class.getName());
        settings.put("value.serializer", StringSerializer.class.getName());
        settings.put("max.block.ms", "15000");
        settings.put("delivery.timeout.ms", "15000");
        settings.put("request.timeout.ms", "10000");
        return new KafkaProducer<>(settings);
    }
}
