package fr.relais.testsupport;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The deployed topic rights (deploy/kafka/acls.txt) on topics behind a test's own prefix: the devstack grants them
 * for the fixed test prefixes, a test that makes topics under a fresh prefix grants them here, as the super user.
 */
public final class KafkaAcls {

    private KafkaAcls() {
    }

    public static void grantAsDeployed(String prefix) {
        List<AclBinding> bindings = new ArrayList<>();
        for (String line : lines()) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] cells = trimmed.split("\\s+");
            bindings.add(new AclBinding(new ResourcePattern(ResourceType.TOPIC, prefix + cells[2], PatternType.LITERAL),
                    new AccessControlEntry("User:" + cells[0], "*", AclOperation.fromString(cells[1]), AclPermissionType.ALLOW)));
        }
        try (Admin admin = Admin.create(Stack.kafkaClient(Map.of()))) {
            admin.createAcls(bindings).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not grant the deployed ACLs on topics prefixed " + prefix, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> lines() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("deploy/kafka/acls.txt");
            if (Files.isRegularFile(candidate)) {
                try {
                    return Files.readAllLines(candidate);
                } catch (IOException e) {
                    throw new IllegalStateException("cannot read " + candidate, e);
                }
            }
        }
        throw new IllegalStateException("deploy/kafka/acls.txt not found above " + Path.of("").toAbsolutePath());
    }
}
