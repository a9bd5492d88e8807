package fr.relais.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The mails that the devstack's GreenMail received for one address, read through its REST API
 * ({@code GET /api/user/{address}/messages/INBOX}). Give each test its own address: mailboxes are shared.
 */
public final class MailInbox {

    /** One mail as its recipient reads it; {@code text} is the text/plain body (of a multipart, its first such part). */
    public record Mail(String subject, String from, List<String> to, String text, Instant receivedAt) {
    }

    /** GreenMail writes its Received header's date with java.util.Date#toString. */
    private static final DateTimeFormatter RECEIVED = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss zzz yyyy", Locale.ROOT);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Session MAIL = Session.getInstance(new Properties());

    private final String address;

    private MailInbox(String address) {
        this.address = address;
    }

    public static MailInbox of(String address) {
        return new MailInbox(address);
    }

    /** The mails received so far, oldest first; none while no mail for the address arrived. */
    public List<Mail> mails() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Stack.mailApiUrl() + "/api/user/"
                        + URLEncoder.encode(address, StandardCharsets.UTF_8).replace("+", "%20") + "/messages/INBOX"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            // GreenMail answers 400 for an address it has no mailbox for: nothing arrived yet
            if (response.statusCode() == 400 && response.body().contains("not found")) {
                return List.of();
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GreenMail's API answered " + response.statusCode() + ": " + response.body());
            }
            List<Mail> mails = new ArrayList<>();
            for (JsonNode message : JSON.readTree(response.body())) {
                mails.add(parse(message.get("mimeMessage").asText()));
            }
            return mails;
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("reading the mails of the local GreenMail failed (is ./relais infra running?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Mail parse(String raw) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(MAIL, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
        Address[] from = message.getFrom();
        Address[] to = message.getRecipients(Message.RecipientType.TO);
        return new Mail(message.getSubject(),
                from == null || from.length == 0 ? null : ((InternetAddress) from[0]).getAddress(),
                to == null ? List.of() : Arrays.stream(to).map(a -> ((InternetAddress) a).getAddress()).toList(),
                plainText(message), receivedAt(message));
    }

    private static String plainText(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String text = Part.ATTACHMENT.equalsIgnoreCase(child.getDisposition()) ? null : plainText(child);
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }

    /** From GreenMail's own Received header (when it took the mail); the Date header if that cannot be read. */
    private static Instant receivedAt(MimeMessage message) throws MessagingException {
        String[] received = message.getHeader("Received");
        if (received != null && received.length > 0) {
            String value = received[0];
            int semicolon = value.lastIndexOf(';');
            if (semicolon >= 0) {
                try {
                    return ZonedDateTime.parse(value.substring(semicolon + 1).trim().replaceAll("\\s+", " "), RECEIVED).toInstant();
                } catch (DateTimeParseException e) {
                    // fall through to the Date header
                }
            }
        }
        return message.getSentDate() == null ? null : message.getSentDate().toInstant();
    }
}
