package fr.relais.events.asyncapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line of the deployed Kafka ACLs ({@code deploy/kafka/acls.txt}): a service principal may write or read a topic.
 * The AsyncAPI document takes who sends and who receives from these lines, so it says what the broker enforces.
 */
public record TopicAccess(String principal, Operation operation, String topic) {

    public enum Operation { READ, WRITE }

    /** Parses the ACL file's lines: {@code principal operation topic}, {@code #} comments and blank lines ignored. */
    public static List<TopicAccess> parse(List<String> lines) {
        List<TopicAccess> access = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            if (parts.length != 3) {
                throw new IllegalArgumentException("ACL line " + (i + 1) + ": expected 'principal operation topic', got: " + line);
            }
            access.add(new TopicAccess(parts[0], Operation.valueOf(parts[1].toUpperCase(Locale.ROOT)), parts[2]));
        }
        return access;
    }
}
