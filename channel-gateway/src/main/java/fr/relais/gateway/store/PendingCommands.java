package fr.relais.gateway.store;

import fr.relais.gateway.commands.CommandResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.UUID;

/**
 * Commands answered 202, kept 15 minutes: a poll on any instance, or after a restart, is told "pending" while
 * journey-service has no outcome yet. Only the 202 path writes here; a command decided in time never does.
 */
@ApplicationScoped
public class PendingCommands {

    @Inject
    Pool pool;

    /** Before the 202 goes out, so the poll its Location invites always finds it. */
    public Uni<Void> record(UUID commandId, String subject, UUID journeyId) {
        return pool.preparedQuery("""
                        INSERT INTO pending_command (command_id, subject, journey_id, issued_at, expires_at)
                        VALUES ($1, $2, $3, now(), now() + interval '15 minutes')
                        ON CONFLICT (command_id) DO UPDATE SET expires_at = EXCLUDED.expires_at
                        WHERE pending_command.subject = EXCLUDED.subject""")
                .execute(Tuple.of(commandId, subject, journeyId))
                .onFailure().transform(Unavailable::problem)
                .replaceWithVoid();
    }

    /** A pending result when this caller issued the command less than 15 minutes ago; empty otherwise. */
    public Uni<Optional<CommandResult>> pending(UUID commandId, String subject) {
        return pool.preparedQuery("""
                        SELECT journey_id FROM pending_command
                        WHERE command_id = $1 AND subject = $2 AND expires_at > now()""")
                .execute(Tuple.of(commandId, subject))
                .onFailure().transform(Unavailable::problem)
                .map(rows -> {
                    for (Row row : rows) {
                        return Optional.of(new CommandResult(commandId, row.getUUID("journey_id"), null));
                    }
                    return Optional.empty();
                });
    }
}
