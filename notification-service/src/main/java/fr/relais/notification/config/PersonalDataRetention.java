package fr.relais.notification.config;

import fr.relais.messaging.retention.PersonalDataTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Period;

/**
 * A message stays in the citizen's list ("Mes messages") for this long; then its link to her (account, person record)
 * goes and it stays, anonymous, in the delivery statistics. The texts hold no personal data (templates).
 */
@ApplicationScoped
public class PersonalDataRetention {

    @ConfigProperty(name = "relais.retention.messages", defaultValue = "P1Y")
    Period messages;

    @Produces
    PersonalDataTarget messageRecipients() {
        return new PersonalDataTarget("notification", "created_at", "account_subject is not null or person_id is not null",
                "account_subject = null, person_id = null", messages);
    }
}
