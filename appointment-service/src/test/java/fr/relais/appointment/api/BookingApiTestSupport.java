package fr.relais.appointment.api;

import java.time.Instant;

/** Shared time helpers for the API tests. */
public final class BookingApiTestSupport {

    private BookingApiTestSupport() {
    }

    /** hh:mm Paris time on a plain Monday at least a week ahead. */
    public static Instant mondayAt(int hour, int minute) {
        return BookingApiTest.nextPlainMonday().atTime(hour, minute).atZone(BookingApiTest.PARIS).toInstant();
    }
}
