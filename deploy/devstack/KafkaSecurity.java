import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Gives every service its Kafka principal (SCRAM-SHA-512 credentials) and exactly the ACLs of deploy/kafka/acls.txt,
 * on the topics as named and behind each given test prefix; each principal may also use the consumer groups that
 * start with its name. Run with the Kafka jars on the class path, as the super user:
 * java -cp 'libs/*' KafkaSecurity.java <admin client properties> <credentials env file> <acls file> <prefix>...
 * (a prefix "-" stands for none). The credentials file holds RELAIS_<SERVICE>_KAFKA_PASSWORD=... lines. Idempotent.
 */
public class KafkaSecurity {

    private static final Map<String, String> PASSWORD_VARIABLES = Map.of(
            "channel-gateway", "RELAIS_GATEWAY_KAFKA_PASSWORD",
            "journey-service", "RELAIS_JOURNEY_KAFKA_PASSWORD",
            "appointment-service", "RELAIS_APPOINTMENT_KAFKA_PASSWORD",
            "mediation-service", "RELAIS_MEDIATION_KAFKA_PASSWORD",
            "notification-service", "RELAIS_NOTIFICATION_KAFKA_PASSWORD");

    public static void main(String[] args) throws Exception {
        Properties client = new Properties();
        try (FileInputStream in = new FileInputStream(args[0])) {
            client.load(in);
        }
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                env.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        List<String> prefixes = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            prefixes.add(args[i].equals("-") ? "" : args[i]);
        }
        Set<String> principals = new LinkedHashSet<>();
        List<AclBinding> bindings = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[2]))) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] cells = trimmed.split("\\s+");
            String principal = cells[0];
            principals.add(principal);
            for (String prefix : prefixes) {
                bindings.add(new AclBinding(new ResourcePattern(ResourceType.TOPIC, prefix + cells[2], PatternType.LITERAL),
                        new AccessControlEntry("User:" + principal, "*", AclOperation.fromString(cells[1]), AclPermissionType.ALLOW)));
            }
        }
        List<UserScramCredentialAlteration> credentials = new ArrayList<>();
        for (String principal : principals) {
            String variable = PASSWORD_VARIABLES.get(principal);
            String password = variable == null ? null : env.get(variable);
            if (password == null || password.isBlank()) {
                throw new IllegalStateException("no password for " + principal + " (" + variable + ") in " + args[1]);
            }
            credentials.add(new UserScramCredentialUpsertion(principal,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), password));
            bindings.add(new AclBinding(new ResourcePattern(ResourceType.GROUP, principal, PatternType.PREFIXED),
                    new AccessControlEntry("User:" + principal, "*", AclOperation.READ, AclPermissionType.ALLOW)));
        }
        try (Admin admin = Admin.create(client)) {
            admin.alterUserScramCredentials(credentials).all().get(60, TimeUnit.SECONDS);
            admin.createAcls(bindings).all().get(60, TimeUnit.SECONDS);
        }
        System.out.println("kafka security: " + principals.size() + " principals, " + bindings.size() + " ACLs for prefixes "
                + prefixes);
    }
}
