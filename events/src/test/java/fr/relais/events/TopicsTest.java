package fr.relais.events;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopicsTest {

    /** The devstack creates topics from topics.txt: it must list exactly the main topics and their .dlq. */
    @Test
    void topicsFileMatchesTheConstants() throws IOException {
        List<String> expected = new ArrayList<>();
        for (String topic : Topics.ALL) {
            expected.add(topic + " " + Topics.JOURNEY_KEYED_PARTITIONS);
            expected.add(Topics.dlq(topic) + " " + Topics.DLQ_PARTITIONS);
        }
        assertEquals(expected, topicsFileLines());
    }

    @Test
    void deadLetterTopicsAreNamedAfterTheirTopic() {
        assertEquals("journey.commands.dlq", Topics.dlq(Topics.JOURNEY_COMMANDS));
        assertTrue(Topics.isDlq("channel.touchpoints.dlq"));
        assertEquals(Topics.DLQ_PARTITIONS, Topics.partitions("journey.events.dlq"));
        assertEquals(6, Topics.partitions(Topics.JOURNEY_EVENTS));
    }

    @Test
    void allHoldsTheSevenMainTopics() {
        assertEquals(List.of("journey.commands", "journey.events", "journey.outcomes", "channel.touchpoints",
                "appointment.events", "mediation.events", "notification.events"), Topics.ALL);
    }

    private static List<String> topicsFileLines() throws IOException {
        try (InputStream in = Topics.class.getResourceAsStream("/topics.txt")) {
            assertNotNull(in, "topics.txt missing");
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.endsWith("\n"), "a shell `read` loop drops a last line without newline");
            return text.lines().toList();
        }
    }
}
