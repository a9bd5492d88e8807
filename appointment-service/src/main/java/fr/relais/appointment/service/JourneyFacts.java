package fr.relais.appointment.service;

import fr.relais.appointment.messaging.JourneyEventConsumer;
import fr.relais.appointment.messaging.OutboxRelay;
import fr.relais.events.journey.JourneyAbandoned;
import fr.relais.events.journey.JourneyCancelled;
import fr.relais.events.journey.JourneyEvent;
import fr.relais.events.journey.JourneyStarted;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Applies the journey facts bookings depend on, once per record: the record id is stored in
 * processed_message in the same transaction as the effect, so a redelivery changes nothing.
 */
@ApplicationScoped
public class JourneyFacts {

    @Inject
    Pool pool;

    @Inject
    BookingService bookings;

    @Inject
    OutboxRelay relay;

    public Uni<Void> apply(String recordId, JourneyEvent event) {
        return pool.withTransaction(connection -> connection.preparedQuery("insert into processed_message (consumer, message_id)"
                        + " values ($1, $2) on conflict do nothing")
                .execute(Tuple.of(JourneyEventConsumer.NAME, recordId))
                .flatMap(inserted -> inserted.rowCount() == 0 ? Uni.createFrom().voidItem() : effect(connection, event)))
                .invoke(relay::publishSoon);
    }

    private Uni<Void> effect(SqlClient connection, JourneyEvent event) {
        if (event instanceof JourneyStarted started) {
            if (!started.actor().roles().contains(Caller.CITIZEN)) {
                return Uni.createFrom().voidItem();
            }
            String owner = started.actor().subject();
            return connection.preparedQuery("insert into journey_owner (journey_id, owner_subject) values ($1, $2) on conflict do nothing")
                    .execute(Tuple.of(started.journeyId(), owner))
                    .flatMap(ignored -> connection.preparedQuery("update booking set owner_subject = $2 where journey_id = $1"
                            + " and owner_subject is null").execute(Tuple.of(started.journeyId(), owner)))
                    .replaceWithVoid();
        }
        if (event instanceof JourneyCancelled cancelled) {
            return bookings.cancelAllOfJourney(connection, cancelled.journeyId(), "journey-cancelled");
        }
        if (event instanceof JourneyAbandoned abandoned) {
            return bookings.cancelAllOfJourney(connection, abandoned.journeyId(), "journey-abandoned");
        }
        return Uni.createFrom().voidItem();
    }
}
