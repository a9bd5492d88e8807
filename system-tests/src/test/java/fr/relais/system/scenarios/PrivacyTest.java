package fr.relais.system.scenarios;

import fr.relais.system.harness.KafkaRecords;
import fr.relais.system.harness.RelaisSystem;
import fr.relais.system.harness.ServiceProcess;
import fr.relais.system.harness.Services;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After the scenarios (which typed the demo citizens' real-looking details into their forms): not one record
 * written to any topic during the run, not one service log line and not one metric carries a citizen's name,
 * birth date, e-mail, phone number or address (DEMO-DATA.md).
 */
@ExtendWith(RelaisSystem.class)
@Order(90)
class PrivacyTest {

    /** The personal data of DEMO-DATA.md, in the spellings a leak would take; compared case-insensitively. */
    static final List<String> PERSONAL_DATA = List.of(
            "Camille", "Martin", "1984-03-12", "camille.martin@example.org", "+33 6 12 34 56 78", "+33612345678", "0612345678",
            "rue des Lilas", "93300 Aubervilliers",
            "Mohamed", "Benali", "1951-11-02", "+33 5 55 12 34 56", "+33555123456", "0555123456", "place du Marché", "23000 Guéret");

    @Test
    void noRecordWrittenDuringTheRunCarriesPersonalData() {
        Services services = RelaisSystem.services();
        List<String> leaks = new ArrayList<>();
        long read = KafkaRecords.readSince(services.offsetsAtStart(), record -> {
            StringBuilder text = new StringBuilder();
            if (record.key() != null) {
                text.append(new String(record.key(), StandardCharsets.UTF_8)).append(' ');
            }
            for (Header header : record.headers()) {
                text.append(header.key()).append('=').append(header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8)).append(' ');
            }
            if (record.value() != null) {
                text.append(new String(record.value(), StandardCharsets.UTF_8));
            }
            found(text.toString()).forEach(hit -> leaks.add(record.topic() + "@" + record.partition() + ":" + record.offset() + " contains " + hit));
        });
        assertThat(read).as("the scenarios wrote records to read back").isGreaterThan(100);
        assertThat(leaks).as("personal data on Kafka among " + read + " records").isEmpty();
    }

    @Test
    void noServiceLogLineCarriesPersonalData() throws IOException {
        List<String> leaks = new ArrayList<>();
        for (ServiceProcess service : List.of(RelaisSystem.services().journey(), RelaisSystem.services().appointment(),
                RelaisSystem.services().mediation(), RelaisSystem.services().notification(), RelaisSystem.services().gateway())) {
            List<String> lines = Files.readAllLines(service.log(), StandardCharsets.UTF_8);
            assertThat(lines).as(service.name() + " logged something").isNotEmpty();
            for (int i = 0; i < lines.size(); i++) {
                for (String hit : found(lines.get(i))) {
                    leaks.add(service.log().getFileName() + ":" + (i + 1) + " contains " + hit);
                }
            }
        }
        assertThat(leaks).as("personal data in the service logs").isEmpty();
    }

    @Test
    void noMetricCarriesPersonalData() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<String> leaks = new ArrayList<>();
        for (ServiceProcess service : List.of(RelaisSystem.services().journey(), RelaisSystem.services().appointment(),
                RelaisSystem.services().mediation(), RelaisSystem.services().notification(), RelaisSystem.services().gateway())) {
            String metrics = http.send(HttpRequest.newBuilder(URI.create(service.managementUrl() + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).as("the scenarios were served").contains("http_server_requests_seconds_count");
            found(metrics).forEach(hit -> leaks.add(service.name() + " metrics contain " + hit));
        }
        assertThat(leaks).isEmpty();
    }

    private static List<String> found(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return PERSONAL_DATA.stream().filter(p -> lower.contains(p.toLowerCase(Locale.ROOT))).toList();
    }
}
