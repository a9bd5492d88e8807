import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import java.io.FileInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Creates the topics listed in a "name partitions" file (the events module's topics.txt) on the
 * devstack broker, which never auto-creates topics. Run with the Kafka jars on the class path:
 * java -cp 'libs/*' CreateTopics.java <bootstrap> <topics file> [client properties, e.g. SASL] [replication factor].
 * With more than one replica a record is acknowledged once two brokers have it (min.insync.replicas=2), so a
 * producer with acks=all loses nothing when one broker dies. Existing topics are left alone.
 */
public class CreateTopics {
    public static void main(String[] args) throws Exception {
        short replicas = args.length > 3 ? Short.parseShort(args[3]) : 1;
        Map<String, String> settings = replicas > 1 ? Map.of("min.insync.replicas", "2") : Map.of();
        List<NewTopic> wanted = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            wanted.add(new NewTopic(parts[0], Integer.parseInt(parts[1]), replicas).configs(settings));
        }
        Properties client = new Properties();
        if (args.length > 2) {
            try (FileInputStream in = new FileInputStream(args[2])) {
                client.load(in);
            }
        }
        client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
        try (Admin admin = Admin.create(client)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
            System.out.println("topics: " + wanted.size() + " wanted, " + missing.size() + " created");
        }
    }
}
