package fr.relais.system.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.document.FrenchDates;
import fr.relais.system.harness.Api;
import fr.relais.system.harness.Devstack;
import fr.relais.system.harness.Journeys;
import fr.relais.system.harness.Letters;
import fr.relais.system.harness.OfflineWalk;
import fr.relais.system.harness.Persons;
import fr.relais.system.harness.RelaisSystem;
import fr.relais.system.harness.ServiceProcess;
import fr.relais.testsupport.DemoUser;
import fr.relais.testsupport.MailInbox;
import fr.relais.testsupport.SmsInbox;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.relais.testsupport.DemoUser.AGNES;
import static fr.relais.testsupport.DemoUser.CAMILLE;
import static fr.relais.testsupport.DemoUser.GILLES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Messages that reach people, end to end: Camille's desk appointment is confirmed and, with appointment-service's
 * clock moved, reminded 48 h and 2 h before, by e-mail (the local SMTP server) and SMS (the local SMPP server), with
 * the date written out and the site; Mohamed, with neither, gets a letter in the Guéret batch his desk prints; a message
 * that meets a stopped SMTP server waits and goes once when it is back; the end-of-journey message asks her opinion
 * only once she consented to surveys.
 */
@ExtendWith(RelaisSystem.class)
@Order(35)
class NotificationTest {

    static final String CAMILLE_EMAIL = "camille.martin@example.org";
    static final String CAMILLE_MOBILE = "+33612345678";
    static final String SITE = "fs-aubervilliers";

    @Test
    void camillesDeskAppointmentIsConfirmedThenRemindedByEmailAndSms() {
        camilleReachableByEmailAndSms();
        UUID journey = camillesJourneyAtTheBookingStep();
        JsonNode booking = Journeys.book(CAMILLE, journey, "cni-renouvellement", "rdv-biometrie", "cni-biometrie",
                Letters.slotFromInThreeDays(CAMILLE, "cni-biometrie", SITE));
        Instant startsAt = Instant.parse(booking.get("startsAt").asText());
        String written = FrenchDates.withWeekday(startsAt);

        awaitMail("Votre rendez-vous : " + written);
        remindersComeDue(startsAt, Duration.ofHours(48), () -> {
            awaitMail("Rappel : rendez-vous " + written);
            awaitSms("Relais : rappel, rendez-vous " + written + " à France Services Aubervilliers");
        });
        String hour = FrenchDates.time(startsAt.atZone(FrenchDates.PARIS));
        remindersComeDue(startsAt, Duration.ofHours(2), () -> {
            awaitMail("Rendez-vous aujourd'hui à " + hour);
            awaitSms("Relais : rendez-vous aujourd'hui à " + hour + ", France Services Aubervilliers");
        });

        // she reads them in "mes messages"; the desk sees that she was reminded, and by which channels
        JsonNode mine = Api.as(CAMILLE).get("/api/portal/messages").expect(200);
        assertThat(mine.findValuesAsText("trigger")).contains("reminder-48h", "reminder-2h", "appointment-booked");
        JsonNode desk = Api.as(AGNES).get("/api/desk/journeys/" + journey + "/messages").expect(200);
        assertThat(desk.toString()).contains("reminder-48h").contains("\"channel\":\"sms\"").doesNotContain(CAMILLE_EMAIL);
        cancel(booking); // a citizen holds at most 3 appointments ahead: the later scenarios book for her too
    }

    @Test
    void mohamedWithoutEmailOrSmsGetsALetterInTheGueretBatch() {
        JsonNode booking = Letters.mohamedBooksAtGueret();
        UUID journey = UUID.fromString(booking.get("journeyId").asText());
        String written = FrenchDates.withWeekday(Instant.parse(booking.get("startsAt").asText()));

        // this booking's own letter is in the batch: a letter for the same slot, from an earlier scenario, may be too
        await("his letter written").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> letterWritten(Api.as(GILLES).get("/api/desk/journeys/" + journey + "/messages").expect(200)));
        String today = LocalDate.now(FrenchDates.PARIS).toString();
        // one line per line of the page: a date may wrap, the text reads on
        String letters = await("his letter in today's Guéret batch").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().until(() -> OfflineWalk.pdfText(GILLES, "/api/desk/letters/" + today + ".pdf").replaceAll("\\s+", " "),
                        text -> text.contains("Venez " + written));
        assertThat(letters).contains("Mohamed Benali").contains("3 place du Marché").contains("23000 Guéret")
                .contains("Votre rendez-vous est pris.");
        Api.as(GILLES).post("/api/desk/letters/" + today + "/posted", Map.of()).expect(200);
        // the batch is the site's own: Agnès, at Aubervilliers, does not print Guéret's letters
        assertThat(Api.as(AGNES).get("/api/desk/letters").expect(200).toString()).doesNotContain("fs-gueret");
        JsonNode desk = Api.as(GILLES).get("/api/desk/journeys/" + journey + "/messages").expect(200);
        assertThat(desk.toString()).contains("\"channel\":\"letter\"").contains("\"status\":\"delivered\"");
        // at most 3 appointments ahead per citizen: his later scenarios book too
        Api.as(GILLES).post("/api/appointments/bookings/" + booking.get("id").asText() + "/cancel", Map.of()).expect(200);
    }

    @Test
    void aMessageThatMeetsAStoppedSmtpServerWaitsAndGoesOnceWhenItIsBack() {
        camilleReachableByEmailAndSms();
        UUID journey = camillesJourneyAtTheBookingStep();
        Devstack.part("mail", "down");
        String written;
        JsonNode booking;
        try {
            booking = Journeys.book(CAMILLE, journey, "cni-renouvellement", "rdv-biometrie", "cni-biometrie",
                    Letters.slotFromInThreeDays(CAMILLE, "cni-biometrie", SITE));
            written = FrenchDates.withWeekday(Instant.parse(booking.get("startsAt").asText()));
            // the SMS goes; the e-mail waits for the relay
            awaitSms("Relais : rendez-vous " + written);
        } finally {
            Devstack.part("mail", "up");
        }
        String subject = "Votre rendez-vous : " + written;
        awaitMail(subject);
        // no double: the one that waited went once (the server kept nothing from before it stopped)
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(7)).until(() -> mails(subject) == 1);
        cancel(booking);
    }

    private static boolean letterWritten(JsonNode messages) {
        for (JsonNode m : messages) {
            if ("letter".equals(m.path("channel").asText()) && List.of("sent", "delivered").contains(m.path("status").asText())) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theEndOfJourneyMessageAsksHerOpinionOnlyWithHerConsent() {
        camilleReachableByEmailAndSms();
        Api.as(CAMILLE).delete("/api/portal/consents/surveys").expect(200);
        UUID without = completedChangeOfAddress();
        assertThat(completionTexts(without)).allSatisfy(text -> assertThat(text).doesNotContain("/avis/").contains("terminée"));

        Api.as(CAMILLE).put("/api/portal/consents/surveys", Map.of()).expect(200);
        UUID with = completedChangeOfAddress();
        assertThat(completionTexts(with)).allSatisfy(text -> assertThat(text).contains("/avis/" + with + "/"));
    }

    private static UUID completedChangeOfAddress() {
        UUID journey = Journeys.start(CAMILLE, "changement-adresse");
        Journeys.submit(CAMILLE, "portal", journey, "identite", Map.of("nom", "Martin", "prenoms", "Camille",
                "date-naissance", "1984-03-12"));
        Journeys.submit(CAMILLE, "portal", journey, "nouvelle-adresse", Map.of("adresse", "3 place du Marché",
                "code-postal", "23000", "commune", "Guéret", "date-emmenagement", "2026-11-02"));
        Journeys.submit(CAMILLE, "portal", journey, "organismes", Map.of("caf", "oui", "assurance-maladie", "oui",
                "impots", "non", "france-travail", "non", "assurance-retraite", "oui"));
        Journeys.submit(CAMILLE, "portal", journey, "confirmation", Map.of("attestation-sur-l-honneur", "oui"));
        return journey;
    }

    /** The texts of the journey's "démarche terminée" messages, as she reads them in "mes messages", once there. */
    private static List<String> completionTexts(UUID journey) {
        return await("the end-of-journey message of " + journey).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    List<String> texts = new java.util.ArrayList<>();
                    for (JsonNode message : Api.as(CAMILLE).get("/api/portal/messages").expect(200)) {
                        if (journey.toString().equals(message.path("journeyId").asText())
                                && "journey-completed".equals(message.path("trigger").asText())) {
                            texts.add(message.path("text").asText());
                        }
                    }
                    return texts;
                }, texts -> !texts.isEmpty());
    }

    private static void cancel(JsonNode booking) {
        Api.as(CAMILLE).post("/api/appointments/bookings/" + booking.get("id").asText() + "/cancel", Map.of()).expect(200);
    }

    private static void camilleReachableByEmailAndSms() {
        Persons.camilleLinked();
        Api.as(CAMILLE).put("/api/portal/contact", Map.of("email", CAMILLE_EMAIL, "phone", "+33 6 12 34 56 78",
                "consents", Map.of("email", true, "sms", true, "letter", false))).expect(200);
    }

    /** Camille's ID card renewal, two steps done online, sent to the Aubervilliers desk, as PortalDeskPortalTest does. */
    private static UUID camillesJourneyAtTheBookingStep() {
        UUID journey = Journeys.start(CAMILLE, "cni-renouvellement");
        Journeys.submit(CAMILLE, "portal", journey, "identite", Map.of("nom", "Martin", "prenoms", "Camille",
                "date-naissance", "1984-03-12", "commune-naissance", "Aubervilliers"));
        Journeys.submit(CAMILLE, "portal", journey, "formulaire", Map.of("adresse", "12 rue des Lilas", "code-postal", "93300",
                "commune", "Aubervilliers", "motif", "renouvellement-expiration"));
        Api.as(CAMILLE).post("/api/portal/journeys/" + journey + "/handoff",
                Map.of("channel", "desk", "site", SITE, "reason", "documents-help")).expect(200);
        return journey;
    }

    /**
     * Time passes for appointment-service only: restarted with its clock just past the reminder's moment, its timers
     * fire the reminder; once {@code arrived} has seen it reach Camille, it runs on the real clock again.
     */
    private static void remindersComeDue(Instant startsAt, Duration before, Runnable arrived) {
        ServiceProcess appointments = RelaisSystem.services().appointment();
        Duration offset = Duration.between(Instant.now(), startsAt.minus(before)).plusMinutes(1);
        appointments.stop();
        appointments.start(Map.of("RELAIS_CLOCK_OFFSET", offset.toString()));
        try {
            appointments.awaitReady(Duration.ofSeconds(90));
            arrived.run();
        } finally {
            appointments.stop();
            appointments.start(Map.of());
            appointments.awaitReady(Duration.ofSeconds(90));
        }
    }

    private static void awaitMail(String subject) {
        await("the mail '" + subject + "' at " + CAMILLE_EMAIL).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> mails(subject) >= 1);
        MailInbox.Mail mail = MailInbox.of(CAMILLE_EMAIL).mails().stream().filter(m -> m.subject().equals(subject)).findFirst()
                .orElseThrow();
        assertThat(mail.text()).contains("France Services Aubervilliers").doesNotContain("Camille").doesNotContain("Martin");
    }

    private static long mails(String subject) {
        return MailInbox.of(CAMILLE_EMAIL).mails().stream().filter(m -> m.subject().equals(subject)).count();
    }

    private static void awaitSms(String start) {
        await("the SMS '" + start + "…' to " + CAMILLE_MOBILE).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> SmsInbox.of(CAMILLE_MOBILE).messages().stream().anyMatch(sms -> sms.text().startsWith(start)));
        List<SmsInbox.Sms> texts = SmsInbox.of(CAMILLE_MOBILE).messages();
        assertThat(texts).allSatisfy(sms -> assertThat(sms.text().length()).isLessThanOrEqualTo(160));
    }
}
