package fr.relais.mediation;

import fr.relais.testsupport.MovableClock;
import io.quarkus.test.Mock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The service's clock in tests: a {@link MovableClock} (TestClock.advance, TestClock.reset). */
public class TestClock extends MovableClock {

    @ApplicationScoped
    public static class Producer {
        @Produces
        @Singleton
        @Mock
        Clock clock() {
            return new TestClock();
        }
    }
}
