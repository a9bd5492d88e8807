package fr.relais.appointment.config;

import fr.relais.messaging.retention.PersonalDataTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Period;

/**
 * What links appointment-service's rows to a citizen (her account's subject on a booking, on a journey's facts) goes
 * once the slot or the journey is this far behind; the booking stays, anonymous, for the sites' statistics.
 */
@ApplicationScoped
public class PersonalDataRetention {

    @ConfigProperty(name = "relais.retention.booking-owner", defaultValue = "P1Y")
    Period bookingOwner;

    @ConfigProperty(name = "relais.retention.journey-owner", defaultValue = "P1Y")
    Period journeyOwner;

    @Produces
    PersonalDataTarget bookingOwners() {
        return new PersonalDataTarget("booking", "ends_at", "owner_subject is not null", "owner_subject = null", bookingOwner);
    }

    @Produces
    PersonalDataTarget journeyOwners() {
        return new PersonalDataTarget("journey_fact", "ended_at", "owner_subject is not null", "owner_subject = null", journeyOwner);
    }
}
