package fr.relais.system.harness;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.KeycloakTokens;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static fr.relais.system.harness.Journeys.submit;
import static fr.relais.testsupport.DemoUser.GILLES;
import static fr.relais.testsupport.DemoUser.MOHAMED;
import static fr.relais.testsupport.DemoUser.PAUL;
import static org.awaitility.Awaitility.await;

/**
 * Mohamed's ID card renewal without going online (DEMO-DATA.md: rarely online, prefers a person), through the gateway's
 * public API: Gilles starts it at the Guéret desk and prints the receipt, Paul calls him back (no answer, then
 * reached), completes the identity step on the call and books the desk appointment, Gilles finishes it at the desk;
 * later Mohamed attaches it to his account. Played by the system test (which checks every view) and by
 * ./relais demo (which narrates it).
 */
public final class OfflineWalk {

    public static final String SITE = "fs-gueret";
    public static final String CNI = "cni-renouvellement";
    public static final String BIRTH_DATE = "02/11/1951";
    public static final List<String> EVERY_WINDOW = List.of("lundi-matin", "lundi-apres-midi", "mardi-matin",
            "mardi-apres-midi", "mercredi-matin", "mercredi-apres-midi", "jeudi-matin", "jeudi-apres-midi",
            "vendredi-matin", "vendredi-apres-midi");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** What the people involved saw along the way. */
    public record Seen(UUID journey, String resumeCode, JsonNode startedAtDesk, String receiptPdfText, JsonNode queuedCallback,
                       JsonNode taken, JsonNode missed, JsonNode reached, JsonNode booking, Reply wrongAttach,
                       JsonNode online, JsonNode accessLog) {
    }

    private OfflineWalk() {
    }

    public static Seen play(Consumer<String> narrate) {
        String personId = mohamedsRecord(narrate);
        JsonNode started = Api.as(GILLES).post("/api/desk/journeys", Map.of("procedureId", CNI, "personId", personId),
                "start-" + UUID.randomUUID()).expect(200);
        UUID journey = UUID.fromString(started.get("journeyId").asText());
        JsonNode atDesk = Journeys.read(GILLES, "desk", journey);
        narrate.accept("gilles  (desk)     starts an ID card renewal for him: journey " + journey + ", held by gilles");

        String receipt = pdfText(GILLES, "/api/desk/journeys/" + journey + "/receipt.pdf");
        String resumeCode = Api.as(GILLES).get("/api/desk/journeys/" + journey + "/receipt").expect(200).get("resumeCode").asText();
        narrate.accept("gilles  (desk)     prints his receipt (PDF, large type): resume code " + resumeCode);

        Api.as(GILLES).post("/api/desk/journeys/" + journey + "/callback", Map.of("consent", true,
                "windows", EVERY_WINDOW, "reasonCode", "needs-help")).expect(201);
        narrate.accept("gilles  (desk)     mohamed would rather go on by phone: a call back on the number of his record");

        JsonNode queued = callbackOf(journey);
        String callbackId = queued.get("callbackId").asText();
        JsonNode taken = Api.as(PAUL).post("/api/phone/callbacks/" + callbackId + "/take", Map.of()).expect(200);
        JsonNode missed = Api.as(PAUL).post("/api/phone/callbacks/" + callbackId + "/attempts", Map.of("outcome", "no-answer"))
                .expect(200);
        narrate.accept("paul    (phone)    takes the call back, calls: no answer (attempt " + missed.get("failedAttempts").asInt() + ")");
        Api.as(PAUL).post("/api/phone/callbacks/" + callbackId + "/take", Map.of()).expect(200);
        JsonNode reached = Api.as(PAUL).post("/api/phone/callbacks/" + callbackId + "/attempts", Map.of("outcome", "reached"))
                .expect(200);
        narrate.accept("paul    (phone)    calls again: mohamed answers, paul holds the journey for the call");

        submit(PAUL, "phone", journey, "identite", Map.of("nom", "Benali", "prenoms", "Mohamed",
                "date-naissance", "1951-11-02", "commune-naissance", "Guéret"));
        JsonNode slot = Journeys.firstSlot(PAUL, "cni-biometrie", SITE);
        // appointment-service learns Paul's verified call from journey.events: the booking may come a moment early
        JsonNode booking = await("Paul books the desk appointment").atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> Journeys.book(PAUL, journey, CNI, "rdv-biometrie", "cni-biometrie", slot), b -> b != null);
        Api.as(PAUL).post("/api/phone/journeys/" + journey + "/release", Map.of()).expect(200);
        narrate.accept("paul    (phone)    completes the identity step with him and books the fingerprints at " + SITE
                + " for " + booking.get("startsAt").asText());

        Api.as(GILLES).post("/api/desk/check-in", Map.of("resumeCode", resumeCode, "checkValue", BIRTH_DATE)).expect(200);
        Api.as(GILLES).post("/api/desk/journeys/" + journey + "/claim", Map.of()).expect(200);
        submit(GILLES, "desk", journey, "formulaire", Map.of("adresse", "3 place du Marché", "code-postal", "23000",
                "commune", "Guéret", "motif", "renouvellement-expiration"));
        submit(GILLES, "desk", journey, "justificatifs", Map.of("photo-identite", "scan-0101", "justificatif-domicile", "scan-0102"));
        await("fingerprints taken at the desk").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(300))
                .until(() -> Api.as(GILLES).post("/api/desk/journeys/" + journey + "/steps/rdv-biometrie",
                        Map.of("answers", Map.of("empreintes-relevees", "oui"))).status() == 200);
        submit(GILLES, "desk", journey, "remise", Map.of("piece-remise", "oui"));
        await("journey completed").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300))
                .until(() -> Journeys.read(GILLES, "desk", journey).get("status").asText().equals("COMPLETED"));
        narrate.accept("gilles  (desk)     checks him in with his receipt's code, completes the form, documents, fingerprints and hands over the card");

        Reply wrongAttach = Api.as(MOHAMED).post("/api/portal/journeys/attach",
                Map.of("resumeCode", resumeCode, "checkValue", "11/02/1951"));
        Api.as(MOHAMED).post("/api/portal/journeys/attach", Map.of("resumeCode", resumeCode, "checkValue", BIRTH_DATE))
                .expect(200);
        JsonNode online = Journeys.awaitJourney(MOHAMED, journey, "his journey online",
                j -> j.get("status").asText().equals("COMPLETED"));
        narrate.accept("mohamed (portal)   later, with an account, attaches the journey with his code and birth date");
        JsonNode accessLog = Api.as(MOHAMED).get("/api/portal/journeys/" + journey + "/access-log").expect(200);
        return new Seen(journey, resumeCode, atDesk, receipt, queued, taken, missed, reached, booking, wrongAttach, online,
                accessLog);
    }

    /** Gilles finds Mohamed's record, or records him after checking his identity card (the database outlives a run). */
    private static String mohamedsRecord(Consumer<String> narrate) {
        String id = Persons.mohamed(GILLES);
        narrate.accept("gilles  (desk)     finds mohamed's record by his names and birth date, or records him after checking"
                + " his identity card (no account needed)");
        return id;
    }

    private static JsonNode callbackOf(UUID journey) {
        return await("the call back in Paul's queue").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    for (JsonNode entry : Api.as(PAUL).get("/api/phone/callbacks").expect(200)) {
                        if (entry.get("journeyId").asText().equals(journey.toString())) {
                            return entry;
                        }
                    }
                    return null;
                }, entry -> entry != null);
    }

    /** The text a reader sees in the PDF the gateway serves. */
    public static String pdfText(DemoUser user, String path) {
        try {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(Api.gatewayUrl() + path))
                    .header("Authorization", "Bearer " + KeycloakTokens.accessToken(user)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (response.statusCode() != 200 || !type.startsWith("application/pdf")) {
                throw new AssertionError(path + " answered " + response.statusCode() + " " + type);
            }
            try (PDDocument document = Loader.loadPDF(response.body())) {
                return new PDFTextStripper().getText(document);
            }
        } catch (IOException e) {
            throw new IllegalStateException("the gateway did not answer " + path + RelaisSystem.logHint(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
