package fr.relais.testsupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the topics a test suite uses on the devstack's Kafka. The broker does not auto-create
 * topics (partition counts matter), and each module's tests use their own topic names so suites
 * cannot disturb each other or the running services.
 */
public final class KafkaTopics {

    private KafkaTopics() {
    }

    public static void ensure(int partitions, String... names) {
        try (Admin admin = Admin.create(Stack.kafkaClient(Map.of()))) {
            Set<String> existing = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            List<NewTopic> missing = java.util.Arrays.stream(names)
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, partitions, (short) 1))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create test topics on " + Stack.kafkaBootstrap(), e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka at " + Stack.kafkaBootstrap() + " did not answer (is the stack up? ./relais up)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating test topics", e);
        }
    }
}
