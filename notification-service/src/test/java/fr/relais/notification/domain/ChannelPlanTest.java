package fr.relais.notification.domain;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelPlanTest {

    private static final Recipient.Address GUERET = new Recipient.Address("3 place du Marché", "23000", "Guéret");
    private static final Recipient CAMILLE = new Recipient(UUID.randomUUID(), "sub", "Camille", "Martin",
            "camille@example.org", "+33612345678", null, true, true, false, false);
    private static final Recipient MOHAMED = new Recipient(UUID.randomUUID(), null, "Mohamed", "Benali", null,
            "+33555123456", GUERET, false, false, true, false);

    @Test
    void aReminderGoesOnEveryInstantChannelSheConsentedTo() {
        assertThat(ChannelPlan.first(Trigger.REMINDER_48H, CAMILLE)).containsExactly(Channel.EMAIL, Channel.SMS);
    }

    @Test
    void otherMessagesGoOnTheFirstChannelOnly() {
        assertThat(ChannelPlan.first(Trigger.JOURNEY_COMPLETED, CAMILLE)).containsExactly(Channel.EMAIL);
    }

    @Test
    void withoutEmailOrSmsConsentALetterWhenItStillMakesSense() {
        assertThat(ChannelPlan.first(Trigger.REMINDER_48H, MOHAMED)).containsExactly(Channel.LETTER);
        assertThat(ChannelPlan.first(Trigger.REMINDER_2H, MOHAMED)).isEmpty();
        assertThat(ChannelPlan.first(Trigger.CALLBACK_SCHEDULED, MOHAMED)).isEmpty();
    }

    @Test
    void aNumberWithoutConsentIsNotUsed() {
        assertThat(MOHAMED.reachableBy(Channel.SMS)).isFalse();
    }

    @Test
    void afterAPermanentFailureTheNextUntriedChannelTakesOver() {
        assertThat(ChannelPlan.next(Trigger.JOURNEY_COMPLETED, CAMILLE, Set.of(Channel.EMAIL))).contains(Channel.SMS);
        assertThat(ChannelPlan.next(Trigger.JOURNEY_COMPLETED, CAMILLE, Set.of(Channel.EMAIL, Channel.SMS))).isEmpty();
        Recipient withAddress = new Recipient(null, null, "A", "B", "a@example.org", null, GUERET, true, false, true, false);
        assertThat(ChannelPlan.next(Trigger.REMINDER_48H, withAddress, Set.of(Channel.EMAIL))).contains(Channel.LETTER);
        assertThat(ChannelPlan.next(Trigger.REMINDER_2H, withAddress, Set.of(Channel.EMAIL))).isEmpty();
    }
}
