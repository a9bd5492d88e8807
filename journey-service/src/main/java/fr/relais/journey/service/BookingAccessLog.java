package fr.relais.journey.service;

import fr.relais.events.appointment.BookingAccessed;
import fr.relais.events.channel.Channel;
import fr.relais.journey.accesslog.AccessChains;
import fr.relais.journey.persistence.AccessLogEntity;
import fr.relais.messaging.inbox.ProcessedMessages;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A staff member's read or change of a booking (appointment-service's BookingAccessed) becomes a line of the
 * citizen's access log, beside the reads of the journey itself (same row shape as {@link JourneyReads}' reads),
 * once: the record id goes to processed_message in the same transaction, so a redelivery adds nothing.
 */
@ApplicationScoped
public class BookingAccessLog {

    public static final String CONSUMER = "journey-service.booking-accesses";

    @Inject
    ProcessedMessages processed;

    @WithTransaction
    public Uni<Void> record(String recordId, BookingAccessed access) {
        return processed.once(CONSUMER, recordId, () -> AccessChains.append(entry(access)));
    }

    static AccessLogEntity entry(BookingAccessed access) {
        AccessLogEntity entry = new AccessLogEntity();
        entry.journeyId = access.journeyId();
        entry.at = access.occurredAt();
        entry.actorSubject = access.staffSubject();
        entry.actorRole = access.staffRole();
        entry.actorSite = access.staffSite();
        entry.channel = channelOf(access.staffRole()).name().toLowerCase();
        // booking-read, booking-cancel, ...: the citizen tells a booking access from a read of the journey
        entry.action = "booking-" + access.action();
        entry.reason = access.reason();
        return entry;
    }

    /** The channel a staff role works on, as for journey reads (api.Callers): the desk, or the phone. */
    private static Channel channelOf(String role) {
        return "counter-agent".equals(role) ? Channel.DESK : Channel.PHONE;
    }
}
