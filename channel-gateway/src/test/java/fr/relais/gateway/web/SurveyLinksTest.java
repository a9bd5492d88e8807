package fr.relais.gateway.web;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The survey link of a message lands on the journey's survey, which then says which message it came from. */
class SurveyLinksTest {

    @Test
    void aLinkFromATextOrAnEmailOpensTheJourneysSurveyAndAnythingElseCountsAsThePortal() {
        UUID journey = UUID.randomUUID();
        assertThat(new SurveyLinks().open(journey, "sms").getLocation().toString())
                .isEqualTo("/portail/demarches/" + journey + "?via=sms#questionnaire");
        assertThat(new SurveyLinks().open(journey, "email").getStatus()).isEqualTo(303);
        assertThat(new SurveyLinks().open(journey, "<script>").getLocation().toString()).endsWith("?via=portal#questionnaire");
        assertThat(SurveyForm.citizenChannel(null)).isEqualTo("portal");
        assertThat(SurveyForm.citizenChannel("desk")).as("a citizen never answers as an agent").isEqualTo("portal");
    }
}
