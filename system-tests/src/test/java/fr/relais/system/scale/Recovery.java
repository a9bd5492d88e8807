package fr.relais.system.scale;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.GroupState;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * How long the stack takes to notice a killed part and route around it, each measured from the kill; empty when it
 * did not within a minute (a figure, not the verdict: the test judges by what happened to the commands).
 */
final class Recovery {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Recovery() {
    }

    /** HAProxy has marked the server DOWN (its health checks failed): no new request goes to it. */
    static Optional<Duration> haproxyMarksDown(String server, long killedAtNanos) {
        return until(killedAtNanos, () -> haproxyStatus(server).startsWith("DOWN"));
    }

    /** The instance's readiness check answers as wanted: 200 when {@code ready}, anything else (503, no answer) when not. */
    static Optional<Duration> readiness(String readyUrl, boolean ready, long fromNanos) {
        return until(fromNanos, () -> ready(readyUrl) == ready);
    }

    private static boolean ready(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception down) {
            return false;
        }
    }

    /** The group has rebalanced without the dead instance: stable, with fewer members than before the kill. */
    static Optional<Duration> groupRebalanced(Admin admin, String group, int membersBefore, long killedAtNanos) {
        return until(killedAtNanos, () -> {
            ConsumerGroupDescription description = describe(admin, group);
            return description != null && description.groupState() == GroupState.STABLE && description.members().size() < membersBefore;
        });
    }

    /**
     * No partition is led by the dead broker any more. A partition whose only in-sync replica was the dead broker has
     * no leader until it is back (Kafka does not elect an out-of-sync replica): see {@link #leaderless}.
     */
    static Optional<Duration> leadersMoved(Admin admin, int deadBroker, long killedAtNanos) {
        return until(killedAtNanos, () -> partitions(admin).stream()
                .allMatch(partition -> partition.leader() == null || partition.leader().id() != deadBroker));
    }

    /** Partitions without a leader now (-1 when the cluster did not answer). */
    static long leaderless(Admin admin) {
        List<TopicPartitionInfo> partitions = partitions(admin);
        return partitions.isEmpty() ? -1 : partitions.stream().filter(partition -> partition.leader() == null).count();
    }

    private static List<TopicPartitionInfo> partitions(Admin admin) {
        try {
            Set<String> topics = admin.listTopics().names().get();
            Collection<TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames().get().values();
            return descriptions.stream().flatMap(topic -> topic.partitions().stream()).toList();
        } catch (Exception notYet) {
            return List.of();
        }
    }

    static int members(Admin admin, String group) {
        ConsumerGroupDescription description = describe(admin, group);
        return description == null ? 0 : description.members().size();
    }

    private static ConsumerGroupDescription describe(Admin admin, String group) {
        try {
            return admin.describeConsumerGroups(Set.of(group)).all().get().get(group);
        } catch (Exception notYet) {
            return null;
        }
    }

    private static String haproxyStatus(String server) {
        try {
            String csv = HTTP.send(HttpRequest.newBuilder(URI.create(ScaleStack.haproxyStats())).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            for (String line : csv.split("\n")) {
                String[] fields = line.split(",", -1);
                // pxname, svname, …, the 18th field is the server's status
                if (fields.length > 17 && fields[1].equals(server)) {
                    return fields[17];
                }
            }
            return "";
        } catch (Exception notYet) {
            return "";
        }
    }

    private static Optional<Duration> until(long fromNanos, BooleanSupplier done) {
        while (System.nanoTime() - fromNanos < LIMIT.toNanos()) {
            if (done.getAsBoolean()) {
                return Optional.of(Duration.ofNanos(System.nanoTime() - fromNanos));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Optional.empty();
    }

    /** A recovery time for the report: milliseconds, or that it took longer than the limit. */
    static Object figure(Optional<Duration> recovery) {
        return recovery.<Object>map(Duration::toMillis).orElse("not within " + LIMIT.toSeconds() + " s");
    }
}
