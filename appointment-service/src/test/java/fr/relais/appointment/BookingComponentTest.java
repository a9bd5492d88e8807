package fr.relais.appointment;

import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every booking component test starts from: appointment.events read from the start of the class, no bookings
 * left from another test, and journeys made known to the service (closed after each test).
 */
public abstract class BookingComponentTest {

    protected static Events events;

    @Inject
    protected AgroalDataSource dataSource;

    protected TestDatabase db;
    protected Journeys journeys;

    @BeforeAll
    static void listen() {
        events = new Events();
    }

    @AfterAll
    static void stop() throws Exception {
        events.close();
    }

    @BeforeEach
    void clean() throws Exception {
        db = new TestDatabase(dataSource);
        db.clearBookings();
        journeys = new Journeys(db);
    }

    @AfterEach
    void closeJourneys() {
        journeys.close();
    }
}
