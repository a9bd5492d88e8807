package fr.relais.mediation.config;

import fr.relais.messaging.retention.PersonalDataTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Period;

/**
 * What mediation-service keeps that could point at a citizen: the journey's owner (her account's subject) once the
 * journey ended, mediators' notes on a case and survey comments (both checked for personal data when written, free
 * text all the same). Past their period they go; the counts, scores and codes stay for the statistics.
 */
@ApplicationScoped
public class PersonalDataRetention {

    @ConfigProperty(name = "relais.retention.journey-owner", defaultValue = "P1Y")
    Period journeyOwner;

    @ConfigProperty(name = "relais.retention.case-notes", defaultValue = "P2Y")
    Period caseNotes;

    @ConfigProperty(name = "relais.retention.survey-comments", defaultValue = "P2Y")
    Period surveyComments;

    @Produces
    PersonalDataTarget journeyOwners() {
        return new PersonalDataTarget("journey_context", "ended_at", "owner_subject is not null", "owner_subject = null", journeyOwner);
    }

    @Produces
    PersonalDataTarget caseNotes() {
        return new PersonalDataTarget("case_history", "at", "note is not null", "note = null", caseNotes);
    }

    @Produces
    PersonalDataTarget surveyComments() {
        return new PersonalDataTarget("survey_response", "answered_at", "comment is not null",
                "comment = null, comment_status = 'none'", surveyComments);
    }
}
