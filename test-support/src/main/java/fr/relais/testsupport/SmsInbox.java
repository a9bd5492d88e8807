package fr.relais.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SMS that the devstack's SMS sink received for one number (its {@code GET /messages?to=}), concatenated
 * messages already put back together. The number may be written with or without its '+'.
 */
public final class SmsInbox {

    /** One SMS as the phone shows it; {@code parts} is how many submits it took, {@code dataCoding} 0 GSM 7-bit, 8 UCS-2. */
    public record Sms(String id, String from, String to, String text, int parts, int dataCoding, Instant receivedAt) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String number;

    private SmsInbox(String baseUrl, String number) {
        this.baseUrl = baseUrl;
        this.number = number;
    }

    /** The inbox of a number on the devstack's sink. */
    public static SmsInbox of(String number) {
        return new SmsInbox(Stack.smsSinkUrl(), number);
    }

    /** The inbox of a number on a sink at another address (one a test started itself, for example). */
    public static SmsInbox of(String sinkUrl, String number) {
        return new SmsInbox(sinkUrl, number);
    }

    /** The messages received so far, oldest first. */
    public List<Sms> messages() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/messages?to="
                + URLEncoder.encode(number, StandardCharsets.UTF_8))).timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the SMS sink answered " + response.statusCode() + ": " + response.body());
            }
            List<Sms> found = new ArrayList<>();
            for (JsonNode sms : JSON.readTree(response.body())) {
                found.add(new Sms(sms.get("id").asText(), sms.get("from").asText(), sms.get("to").asText(),
                        sms.get("text").asText(), sms.get("parts").asInt(), sms.get("dataCoding").asInt(),
                        Instant.parse(sms.get("receivedAt").asText())));
            }
            return found;
        } catch (IOException e) {
            throw new IllegalStateException("reading the local SMS sink failed (is ./relais infra running?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
