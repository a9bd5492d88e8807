package fr.relais.system.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.system.harness.Api;
import fr.relais.system.harness.Journeys;
import fr.relais.system.harness.MediationCases;
import fr.relais.system.harness.RelaisSystem;
import fr.relais.system.harness.Reply;
import fr.relais.system.harness.ServiceProcess;
import fr.relais.system.ops.PrometheusApi;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static fr.relais.testsupport.DemoUser.CAMILLE;
import static fr.relais.testsupport.DemoUser.MAYA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Friction brings a human in: errors and a plea for help open a mediation case within seconds, the mediator
 * books a desk appointment and resolves, and a missed appointment raises friction again.
 */
@ExtendWith(RelaisSystem.class)
@Order(30)
class FrictionToMediatorTest {

    /** More than appointment-service's grace after a start before a booking not checked in is a no-show (PT15M). */
    private static final Duration NO_SHOW_GRACE = Duration.ofMinutes(30);

    @Test
    void errorsAndAPleaForHelpReachAMediatorWhoBooksADeskAndResolves() {
        UUID journey = Journeys.start(CAMILLE, "aide-logement");
        JsonNode step = Journeys.read(CAMILLE, "portal", journey);
        String stepId = step.get("currentStep").asText();
        for (int attempt = 0; attempt < 3; attempt++) {
            Reply invalid = Api.as(CAMILLE).post("/api/portal/journeys/" + journey + "/steps/" + stepId, Map.of("answers", Map.of()));
            assertThat(invalid.status()).as(invalid.raw()).isEqualTo(422);
            assertThat(invalid.body().get("fieldErrors")).as("the fields to fix are named").isNotEmpty();
        }
        Instant askedForHelp = Instant.now();
        Api.as(CAMILLE).post("/api/portal/journeys/" + journey + "/help", Map.of("stepId", stepId)).expect(202);

        JsonNode mediationCase = await("a case in pool 93's queue").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> MediationCases.caseOf(journey), c -> c != null);
        System.err.printf("[system] time to a human: %d ms%n", Duration.between(askedForHelp, Instant.now()).toMillis());
        assertThat(mediationCase.get("reasonCode").asText()).isNotBlank();
        // three refused answers may open the case on their own, a moment before the plea for help is counted
        JsonNode explanation = await("the plea for help counted").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> Api.as(MAYA).get("/api/mediation/journeys/" + journey + "/friction").expect(200),
                        e -> e.get("contributions").toString().contains("help-requested"));
        assertThat(explanation.get("contributions").toString()).contains("validation-error");
        Journeys.awaitJourney(CAMILLE, journey, "journey escalated", j -> j.get("status").asText().equals("ESCALATED"));

        String caseId = mediationCase.get("id").asText();
        Api.as(MAYA).post("/api/mediation/cases/" + caseId + "/claim", Map.of()).expect(200);
        Api.as(MAYA).post("/api/mediation/cases/" + caseId + "/contacts", Map.of("outcome", "reached", "note", "rappel fait")).expect(200);
        JsonNode slot = Journeys.firstSlot(MAYA, "accompagnement", "fs-aubervilliers");
        JsonNode booking = Journeys.book(MAYA, journey, "aide-logement", stepId, "accompagnement", slot);
        Api.as(MAYA).post("/api/mediation/cases/" + caseId + "/resolve", Map.of("outcome", "booked-desk-appointment")).expect(200);

        Journeys.awaitJourney(CAMILLE, journey, "journey back in progress", j -> j.get("status").asText().equals("IN_PROGRESS"));
        JsonNode bookings = Api.as(CAMILLE).get("/api/appointments/bookings?journeyId=" + journey).expect(200);
        assertThat(bookings.toString()).contains(booking.get("id").asText()).contains("CONFIRMED");

        missTheAppointment(booking);
        await("the no-show raises friction again").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> Api.as(MAYA).get("/api/mediation/journeys/" + journey + "/friction").expect(200)
                        .get("contributions").toString().contains("no-show"));
        assertThat(Api.as(CAMILLE).get("/api/appointments/bookings?journeyId=" + journey).expect(200).toString()).contains("NO_SHOW");
    }

    /**
     * Time passes for appointment-service only: restarted with its clock moved past the appointment and the grace
     * (relais.clock.offset), it finds the booking not checked in; then it is restarted on the real clock.
     */
    private static void missTheAppointment(JsonNode booking) {
        ServiceProcess appointments = RelaisSystem.services().appointment();
        Duration offset = Duration.between(Instant.now(), Instant.parse(booking.get("startsAt").asText()))
                .plus(NO_SHOW_GRACE).plusMinutes(5);
        appointments.stop();
        appointments.start(Map.of("RELAIS_CLOCK_OFFSET", offset.toString()));
        appointments.awaitReady(Duration.ofSeconds(90));
        try {
            await("the booking marked as a no-show").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> Api.as(CAMILLE).get("/api/appointments/bookings/" + booking.get("id").asText()).expect(200)
                            .get("status").asText().equals("NO_SHOW"));
            // operations see it too, before this process goes: Prometheus has scraped the no-show
            String noShows = "sum(relais_appointments_no_shows_total{service=\"appointment-service\", site=\""
                    + booking.get("site").asText() + "\"}) >= 1";
            await("the no-show scraped by Prometheus").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> PrometheusApi.local().query(noShows, Instant.now()).series() > 0);
        } finally {
            appointments.stop();
            appointments.start(Map.of());
            appointments.awaitReady(Duration.ofSeconds(90));
        }
    }
}
