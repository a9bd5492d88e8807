package fr.relais.notification.channel;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** E-mail through the configured SMTP relay (quarkus-mailer); blocking, called from the dispatcher's worker thread. */
@ApplicationScoped
public class EmailSender {

    @Inject
    Mailer mailer;

    public SendResult send(String to, String subject, String body) {
        try {
            mailer.send(Mail.withText(to, subject, body));
            return new SendResult.Accepted(null);
        } catch (RuntimeException e) {
            return classify(e);
        }
    }

    /** An SMTP 5xx reply is for good (no such mailbox, refused); anything else (relay down, 4xx, timeout) may pass later. */
    static SendResult classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SMTPException smtp) {
                String reason = "smtp-" + smtp.getReplyCode();
                return smtp.isPermanent() ? new SendResult.Permanent(reason) : new SendResult.Temporary(reason);
            }
        }
        return new SendResult.Temporary("smtp-unreachable");
    }
}
