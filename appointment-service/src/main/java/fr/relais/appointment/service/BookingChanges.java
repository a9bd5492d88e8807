package fr.relais.appointment.service;

import fr.relais.appointment.persistence.BookingEntity;
import fr.relais.appointment.persistence.BookingRepository;
import fr.relais.messaging.outbox.OutboxRelay;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The frame of a change to bookings: one transaction, and the outbox relay woken once it commits, so that the
 * change's events and access records go out now rather than at the relay's next poll.
 */
@ApplicationScoped
public class BookingChanges {

    @Inject
    BookingRepository bookings;

    @Inject
    BookingAccess access;

    @Inject
    OutboxRelay relay;

    /**
     * Loads the booking locked (FOR UPDATE), checks the caller may act on it ({@link BookingAccess}: 404 if not; then
     * a counter agent only at their site), applies the change, writes a staff member's access to the outbox, commits,
     * publishes.
     *
     * @param action the {@link fr.relais.events.appointment.BookingAccessed} action the change is logged as
     */
    public Uni<BookingEntity> apply(UUID id, Caller caller, String action, Function<BookingEntity, Uni<BookingEntity>> change) {
        return committed(() -> bookings.findForUpdate(id).flatMap(booking -> {
                    if (booking == null) {
                        throw BookingAccess.noBooking(id);
                    }
                    return access.toBooking(booking, caller, action).flatMap(reason -> {
                        BookingAccess.requireWorksAt(caller, booking.siteId);
                        return change.apply(booking)
                                .flatMap(changed -> access.record(changed, caller, action, reason).replaceWith(changed));
                    });
                }));
    }

    /** Runs the work in a transaction of its own and, once it committed, wakes the outbox relay. */
    public <T> Uni<T> committed(Supplier<Uni<T>> work) {
        return Panache.withTransaction(work).invoke(relay::publishSoon);
    }
}
