package fr.relais.system.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.system.harness.Api;
import fr.relais.system.harness.Journeys;
import fr.relais.system.harness.Persons;
import fr.relais.system.harness.RelaisSystem;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static fr.relais.testsupport.DemoUser.AGNES;
import static fr.relais.testsupport.DemoUser.CAMILLE;
import static fr.relais.testsupport.DemoUser.MOHAMED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "Télécharger mes données" (#22), field by field: Camille's export holds her person record as recorded, her journey
 * with the answers she gave and its timeline, the desk's search that found her record, her booking, the message that
 * confirmed it and the mediation case her plea for help opened; nothing of Mohamed's.
 */
@ExtendWith(RelaisSystem.class)
@Order(48)
class DataExportTest {

    private static final String EMAIL = "camille.martin@example.org";

    @Test
    void camillesExportHoldsWhatEachServiceKeepsAboutHer() {
        Persons.camilleLinked();
        // Agnès finds her record at the Aubervilliers desk: a read of her person, in her export's access log
        Api.as(AGNES).post("/api/desk/persons/search", Map.of("givenNames", "Camille", "familyName", "Martin",
                "birthDate", Persons.CAMILLE_BIRTH_DATE)).expect(200);
        Api.as(CAMILLE).put("/api/portal/contact", Map.of("email", EMAIL, "phone", "+33 6 12 34 56 78",
                "consents", Map.of("email", true, "sms", false, "letter", false))).expect(200);
        UUID renewal = Journeys.start(CAMILLE, "cni-renouvellement");
        Journeys.submit(CAMILLE, "portal", renewal, "identite", Map.of("nom", "Martin", "prenoms", "Camille",
                "date-naissance", "1984-03-12", "commune-naissance", "Aubervilliers"));
        // "J'ai besoin d'aide": mediation-service opens a case for the journey
        Api.as(CAMILLE).post("/api/portal/journeys/" + renewal + "/help", Map.of("stepId", "formulaire")).expect(202);
        Journeys.cancelAppointmentsAhead(CAMILLE);
        UUID vote = Journeys.start(CAMILLE, "procuration-vote");
        JsonNode slot = Journeys.firstSlot(CAMILLE, "accompagnement", "fs-aubervilliers");
        JsonNode booking = await("Camille's booking").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions()
                .until(() -> Journeys.book(CAMILLE, vote, "procuration-vote", "verification-identite", "accompagnement", slot),
                        b -> b != null);
        String bookingId = booking.get("id").asText();

        // the booking's confirmation and the plea for help reach notification- and mediation-service through Kafka
        JsonNode export = await("the confirmation and the case in her export").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> Api.as(CAMILLE).get("/api/portal/my-data").expect(200),
                        e -> StreamSupport.stream(e.path("messages").spliterator(), false)
                                .anyMatch(m -> m.path("journeyId").asText().equals(vote.toString()))
                                && StreamSupport.stream(e.path("mediationCases").spliterator(), false)
                                .anyMatch(c -> c.path("journeyId").asText().equals(renewal.toString())));

        JsonNode person = export.get("person");
        assertThat(person.get("givenNames").asText()).isEqualTo("Camille");
        assertThat(person.get("familyName").asText()).isEqualTo("Martin");
        assertThat(person.get("birthDate").asText()).isEqualTo("1984-03-12");
        assertThat(person.get("email").asText()).isEqualTo(EMAIL);
        assertThat(person.get("phone").asText()).isEqualTo("+33612345678");
        assertThat(person.get("consents").get("email").asBoolean()).isTrue();
        assertThat(person.get("hasAccount").asBoolean()).isTrue();

        JsonNode journey = StreamSupport.stream(export.get("journeys").spliterator(), false)
                .filter(j -> j.get("journey").get("id").asText().equals(renewal.toString())).findFirst().orElseThrow();
        assertThat(journey.get("journey").get("procedureId").asText()).isEqualTo("cni-renouvellement");
        assertThat(journey.get("journey").get("answers").get("identite").get("commune-naissance").asText()).isEqualTo("Aubervilliers");
        assertThat(journey.get("journey").get("answers").get("identite").get("date-naissance").asText()).isEqualTo("1984-03-12");
        assertThat(journey.get("journey").get("timeline")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(journey.get("accessLog").isArray()).isTrue();

        // Agnès's search
        assertThat(StreamSupport.stream(export.get("personAccessLog").spliterator(), false)
                .anyMatch(e -> e.get("action").asText().equals("search") && e.get("actorRole").asText().equals("counter-agent")))
                .isTrue();

        JsonNode booked = StreamSupport.stream(export.get("bookings").spliterator(), false)
                .filter(b -> b.get("id").asText().equals(bookingId)).findFirst().orElseThrow();
        assertThat(booked.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(booked.get("site").asText()).isEqualTo("fs-aubervilliers");

        JsonNode mediationCase = StreamSupport.stream(export.get("mediationCases").spliterator(), false)
                .filter(c -> c.get("journeyId").asText().equals(renewal.toString())).findFirst().orElseThrow();
        assertThat(mediationCase.get("procedureId").asText()).isEqualTo("cni-renouvellement");
        assertThat(mediationCase.get("stepId").asText()).isEqualTo("formulaire");
        assertThat(mediationCase.get("openedAt").isNull()).isFalse();

        // nothing of another citizen's
        JsonNode mohameds = Api.as(MOHAMED).get("/api/portal/my-data").expect(200);
        assertThat(mohameds.toString()).doesNotContain(renewal.toString()).doesNotContain(EMAIL);
    }
}
