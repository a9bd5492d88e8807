package fr.relais.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Against the devstack's GreenMail (./relais infra): a mail sent over real SMTP, read back through its REST API. */
class MailInboxTest {

    @Test
    void readsAMailSentOverSmtp() throws Exception {
        String address = "camille-" + UUID.randomUUID() + "@example.org";
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Properties settings = new Properties();
        settings.put("mail.smtp.host", "127.0.0.1");
        settings.put("mail.smtp.port", String.valueOf(Stack.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(settings));
        message.setFrom(new InternetAddress("noreply@relais.example", "Relais"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(address));
        message.setSubject("Votre rendez-vous est confirmé", "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Bonjour, votre rendez-vous du 12 mars à 9 h 30 est confirmé.", "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("<p>Bonjour</p>", "text/html; charset=UTF-8");
        message.setContent(new MimeMultipart("alternative", text, html));
        Transport.send(message);

        await().atMost(Duration.ofSeconds(10)).until(() -> !MailInbox.of(address).mails().isEmpty());

        assertThat(MailInbox.of(address).mails()).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Votre rendez-vous est confirmé");
            assertThat(mail.from()).isEqualTo("noreply@relais.example");
            assertThat(mail.to()).isEqualTo(List.of(address));
            assertThat(mail.text()).isEqualTo("Bonjour, votre rendez-vous du 12 mars à 9 h 30 est confirmé.");
            assertThat(mail.receivedAt()).isBetween(before, Instant.now());
        });
    }

    @Test
    void showsNothingForAnAddressThatReceivedNothing() {
        assertThat(MailInbox.of("personne-" + UUID.randomUUID() + "@example.org").mails()).isEmpty();
    }
}
