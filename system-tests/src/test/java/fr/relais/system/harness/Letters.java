package fr.relais.system.harness;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.testsupport.DemoUser;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static fr.relais.testsupport.DemoUser.GILLES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What puts a letter in the Guéret batch: Gilles books a desk appointment for Mohamed, who has neither e-mail nor SMS. */
public final class Letters {

    private Letters() {
    }

    /** Gilles starts Mohamed's ID card renewal at his desk and books the fingerprints there; returns the booking. */
    public static JsonNode mohamedBooksAtGueret() {
        String person = Persons.mohamed(GILLES);
        UUID journey = UUID.fromString(Api.as(GILLES).post("/api/desk/journeys", Map.of("procedureId", "cni-renouvellement",
                "personId", person), "start-" + UUID.randomUUID()).expect(200).get("journeyId").asText());
        Journeys.submit(GILLES, "desk", journey, "identite", Map.of("nom", "Benali", "prenoms", "Mohamed",
                "date-naissance", "1951-11-02", "commune-naissance", "Guéret"));
        JsonNode slot = slotFromInThreeDays(GILLES, "cni-biometrie", "fs-gueret");
        // appointment-service learns Gilles's hold on the journey from journey.events: the booking may come a moment early
        return await("Gilles books the fingerprints").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> Journeys.book(GILLES, journey, "cni-renouvellement", "rdv-biometrie",
                        "cni-biometrie", slot), b -> b != null);
    }

    /** A slot at least three days ahead, so both reminders are still to come when it is booked. */
    public static JsonNode slotFromInThreeDays(DemoUser user, String motif, String site) {
        LocalDate from = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(3);
        JsonNode slots = Api.as(user).get("/api/appointments/availability?motif=" + motif + "&sites=" + site
                + "&from=" + from + "&to=" + from.plusDays(21)).expect(200);
        assertThat(slots.isArray() && !slots.isEmpty()).as("a free slot at " + site + ": " + slots).isTrue();
        return slots.get(0);
    }
}
