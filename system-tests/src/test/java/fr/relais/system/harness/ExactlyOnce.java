package fr.relais.system.harness;

import fr.relais.testsupport.JdbcDatabase;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What journey-service's database says of the commands a load acknowledged: each decided and applied once. */
public final class ExactlyOnce {

    private ExactlyOnce() {
    }

    /**
     * Every accepted command (id -> its journey) has its decision and its events exactly once; every one of the
     * {@code journeys} is complete, with the same history as the others (they all played the same script).
     */
    public static void check(JdbcDatabase journeyDb, Map<UUID, UUID> accepted, long journeys) {
        // as text arrays cast in SQL: the driver sends String[] as text[] everywhere
        String[] commands = accepted.keySet().stream().map(UUID::toString).toArray(String[]::new);
        String[] journeyIds = Set.copyOf(accepted.values()).stream().map(UUID::toString).toArray(String[]::new);
        assertThat(journeyIds).hasSize((int) journeys);
        assertThat(journeyDb.count("select count(*) from processed_command where command_id = any(?::uuid[]) and outcome->>'status' = 'ACCEPTED'",
                (Object) commands)).as("acknowledged commands decided").isEqualTo(commands.length);
        assertThat(journeyDb.count("select count(distinct command_id) from journey_event where command_id = any(?::uuid[])", (Object) commands))
                .as("acknowledged commands with their events").isEqualTo(commands.length);
        assertThat(journeyDb.query("select command_id, type from journey_event where journey_id = any(?::uuid[]) group by command_id, type having count(*) > 1",
                (Object) journeyIds)).as("events applied twice").isEmpty();
        List<Map<String, Object>> histories = journeyDb.query(
                "select count(*) as events, count(distinct command_id) as commands from journey_event where journey_id = any(?::uuid[]) group by journey_id",
                (Object) journeyIds);
        assertThat(histories.stream().map(row -> row.get("events") + " events from " + row.get("commands") + " commands").distinct())
                .as("every journey's history has the same shape").hasSize(1);
        assertThat(journeyDb.count("select count(*) from journey where id = any(?::uuid[]) and status = 'COMPLETED'", (Object) journeyIds))
                .isEqualTo(journeys);
    }
}
