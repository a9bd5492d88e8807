package fr.relais.notification.service;

import fr.relais.notification.domain.Channel;
import fr.relais.notification.domain.SmsParts;
import fr.relais.notification.domain.Trigger;
import fr.relais.notification.persistence.NotificationEntity;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The template files, rendered with Qute as the service renders them, with the longest values a message can carry:
 * every trigger has its texts, an SMS fits one GSM message, dates are written out, nothing is left unrendered.
 */
class TemplateFilesTest {

    private static final Engine QUTE = Engine.builder().addDefaults().build();
    /** A Wednesday in September: the longest weekday and month names, an afternoon hour. */
    private static final Instant LONGEST_DATE = Instant.parse("2026-09-30T12:30:00Z");
    private static final UUID JOURNEY = UUID.fromString("7d0c6f4e-2b1a-4c3d-9e8f-0a1b2c3d4e5f");

    @Test
    void everyTriggerHasAnEmailAndAnSmsAndALetterWhenALetterMakesSense() {
        for (Trigger trigger : Trigger.values()) {
            for (Channel channel : Channel.values()) {
                boolean expected = channel != Channel.LETTER || trigger.letterAllowed();
                assertThat(exists(trigger, channel)).as(Templates.id(trigger, channel)).isEqualTo(expected);
            }
        }
    }

    @Test
    void everySmsFitsOneMessageWithTheLongestValues() {
        for (Trigger trigger : Trigger.values()) {
            String text = render(trigger, Channel.SMS);
            assertThat(SmsParts.septetCount(text)).as(text).isBetween(1, 160);
            assertThat(text).as(trigger.code()).startsWith("Relais : ");
        }
    }

    @Test
    void theCompletedJourneysMessageLinksToItsSurveyFromThatChannel() {
        assertThat(render(Trigger.JOURNEY_COMPLETED, Channel.SMS)).contains("https://relais.example.fr/avis/" + JOURNEY + "/sms");
        assertThat(render(Trigger.JOURNEY_COMPLETED, Channel.EMAIL)).contains("https://relais.example.fr/avis/" + JOURNEY + "/email");
        assertThat(render(Trigger.JOURNEY_COMPLETED, Channel.LETTER)).doesNotContain("/avis/");
    }

    @Test
    void withoutHerConsentToSurveysTheCompletedJourneysMessageDoesNotAskHerOpinion() {
        for (Channel channel : List.of(Channel.SMS, Channel.EMAIL)) {
            String text = render(Trigger.JOURNEY_COMPLETED, channel, false);
            assertThat(text).as(channel.code()).doesNotContain("/avis/").doesNotContain("avis").contains("terminée");
        }
    }

    @Test
    void theReminderSaysTheDayAndTheHourInWordsAndNamesTheSite() {
        String sms = render(Trigger.REMINDER_48H, Channel.SMS);
        assertThat(sms).contains("mercredi 30 septembre à 14 h 30").contains("France Services Aubervilliers");
        String email = render(Trigger.REMINDER_48H, Channel.EMAIL);
        assertThat(email.lines().findFirst().orElseThrow()).isEqualTo("Rappel : rendez-vous mercredi 30 septembre à 14 h 30");
        assertThat(render(Trigger.REMINDER_2H, Channel.SMS)).contains("aujourd'hui à 14 h 30");
    }

    @Test
    void nothingIsLeftUnrenderedAndNoLineIsLong() {
        for (Trigger trigger : Trigger.values()) {
            for (Channel channel : Channel.values()) {
                if (!exists(trigger, channel)) {
                    continue;
                }
                String text = render(trigger, channel);
                assertThat(text).as(Templates.id(trigger, channel)).doesNotContain("{").doesNotContain("}")
                        .doesNotContain("null").doesNotContainPattern("\\s(,|\\.)");
                if (channel == Channel.EMAIL) {
                    // a subject line, a blank line, then the body
                    assertThat(text).as(Templates.id(trigger, channel)).containsPattern("^[^\\n]{5,80}\\n\\n");
                }
            }
        }
    }

    private static boolean exists(Trigger trigger, Channel channel) {
        return Templates.class.getResource("/templates/" + Templates.id(trigger, channel) + ".txt") != null;
    }

    private static String render(Trigger trigger, Channel channel) {
        return render(trigger, channel, true);
    }

    private static String render(Trigger trigger, Channel channel, boolean askOpinion) {
        NotificationEntity n = new NotificationEntity();
        n.id = UUID.randomUUID();
        n.trigger = trigger.code();
        n.journeyId = JOURNEY;
        n.site = "fs-aubervilliers"; // the longest site name
        n.aboutAt = LONGEST_DATE;
        n.previousAt = LONGEST_DATE.minusSeconds(86_400);
        n.untilAt = LONGEST_DATE.plusSeconds(7_200);
        Map<String, Object> data = MessageFacts.of(n, "https://relais.example.fr", "09 70 00 00 00", channel, askOpinion);
        try (InputStream in = Templates.class.getResourceAsStream("/templates/" + Templates.id(trigger, channel) + ".txt")) {
            assertNotNull(in, Templates.id(trigger, channel));
            TemplateInstance instance = QUTE.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)).instance();
            data.forEach(instance::data);
            return instance.render().strip();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
