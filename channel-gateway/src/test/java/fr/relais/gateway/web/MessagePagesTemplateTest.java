package fr.relais.gateway.web;

import fr.relais.gateway.downstream.ContactAnswers;
import fr.relais.gateway.downstream.NotificationAnswers;
import fr.relais.gateway.downstream.NotificationServiceClient;
import fr.relais.gateway.downstream.PersonAnswers;
import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.Variant;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages about messages to citizens, rendered by a plain Qute engine from the gateway's own templates with answers
 * as notification-service and journey-service give them: "Mes messages", "Comment vous joindre" (with journey-service's
 * field errors), the staff's "Messages envoyés" block and the desk's "Courriers à imprimer". French words, never codes;
 * every input labelled; each error tied to its field; no id twice on a page.
 */
class MessagePagesTemplateTest {

    private static final Engine ENGINE = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver())
            .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML))).addLocator(MessagePagesTemplateTest::locate).build();

    private static final WebSession.Nav CITIZEN = new WebSession.Nav(true, false, false, "Camille", "jeton-csrf");
    private static final WebSession.Nav AGENT = new WebSession.Nav(false, true, false, "Agnès", "jeton-csrf");

    private static final Instant TUESDAY_MORNING = Instant.parse("2026-03-10T08:05:00Z");

    @Test
    void herMessagesSayWhatWhenHowWhetherReceivedAndTheTextAsSent() {
        List<MessageViews.Mine> mine = MessageViews.mine(List.of(
                new NotificationAnswers.Message(UUID.randomUUID(), UUID.randomUUID(), "reminder-48h", "email", "delivered",
                        TUESDAY_MORNING, TUESDAY_MORNING.plusSeconds(3), "Rappel : votre rendez-vous jeudi",
                        "Bonjour,\nvotre rendez-vous est jeudi 12 mars à 10 h 00.", false),
                new NotificationAnswers.Message(UUID.randomUUID(), UUID.randomUUID(), "reminder-48h", "sms", "pending",
                        null, null, null, "Relais : rendez-vous jeudi 12 mars à 10 h 00.", true),
                new NotificationAnswers.Message(UUID.randomUUID(), UUID.randomUUID(), "appointment-booked", "letter", "sent",
                        TUESDAY_MORNING, null, null, "Madame, Monsieur,", false),
                new NotificationAnswers.Message(UUID.randomUUID(), UUID.randomUUID(), "journey-waiting", "sms", "failed",
                        TUESDAY_MORNING, null, null, "Relais : votre démarche attend une suite.", false)));
        String html = ENGINE.getTemplate("portal/messages.html").data("nav", CITIZEN).data("available", true).data("messages", mine).render();

        assertThat(html).contains("<h1>Mes messages</h1>", "Rappel 48 h avant le rendez-vous",
                "Envoyé par e-mail le mardi 10 mars 2026 à 9 h 05", "<strong class=\"statut\">reçu</strong>",
                "Objet : <strong>Rappel : votre rendez-vous jeudi</strong>", "votre rendez-vous est jeudi 12 mars",
                "À envoyer par SMS", "en attente jusqu&#39;à 8 h", "Rendez-vous confirmé", "Envoyé par courrier le mardi 10 mars 2026",
                "<strong class=\"statut\">envoyé</strong>", "<strong class=\"statut\">pas envoyé</strong>",
                "href=\"/portail/contact\"")
                .doesNotContain("reminder-48h", "delivered", "pending", ">sms<", "null");
        // an e-mail's subject comes before its text; an SMS has none
        assertThat(html.indexOf("Objet :")).isLessThan(html.indexOf("votre rendez-vous est jeudi"));
        assertThat(html.split("Objet :", -1)).hasSize(2);
        assertUniqueIds(html);
    }

    @Test
    void withoutMessagesOrWithoutNotificationServiceThePageSaysSo() {
        assertThat(ENGINE.getTemplate("portal/messages.html").data("nav", CITIZEN).data("available", true).data("messages", List.of())
                .render()).contains("Vous n'avez reçu aucun message pour l'instant.");
        assertThat(ENGINE.getTemplate("portal/messages.html").data("nav", CITIZEN).data("available", false).data("messages", List.of())
                .render()).contains("id=\"messages-indisponibles\"", "ne peuvent pas être affichés pour le moment");
    }

    @Test
    void theContactFormShowsWhatIsRecordedWithTheThreeChannelsAndNoBirthDateOnceSheHasARecord() {
        ContactAnswers.MyContact recorded = new ContactAnswers.MyContact(UUID.randomUUID(), "camille.martin@example.org",
                "+33 6 12 34 56 78", new PersonAnswers.Address("12 rue des Lilas", "93300", "Aubervilliers"),
                new ContactAnswers.MessageConsents(true, true, false), true);
        String html = contactPage(ContactForm.of(recorded), false, true);

        assertThat(html).contains("<h1>Comment vous joindre</h1>", "Vos coordonnées sont enregistrées.",
                "<label for=\"contact-email\">Adresse e-mail</label>", "value=\"camille.martin@example.org\"", "autocomplete=\"email\"",
                "<label for=\"contact-phone\">Téléphone mobile</label>", "type=\"tel\"",
                "<label for=\"contact-address-line\">Numéro et rue</label>", "value=\"12 rue des Lilas\"",
                "<label for=\"contact-address-postcode\">Code postal</label>", "<label for=\"contact-address-city\">Commune</label>",
                "id=\"recevoir-email\" name=\"consents\" value=\"email\" checked",
                "id=\"recevoir-sms\" name=\"consents\" value=\"sms\" checked",
                "<label for=\"recevoir-letter\">Recevoir les messages par courrier</label>",
                "Recevoir les messages par e-mail", "Recevoir les messages par SMS",
                "action=\"/portail/contact\"", "name=\"csrf\" value=\"jeton-csrf\"")
                .doesNotContain("value=\"letter\" checked", "Date de naissance", "resume-erreurs");
        assertUniqueIds(html);
    }

    @Test
    void withoutARecordSheGivesHerBirthDateAndJourneyServicesErrorsShowFieldByField() {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("email", "pas-une-adresse");
        form.add("phone", "");
        form.add("birthDate", "31/02/1951");
        form.add("consents", "sms");
        Map<String, String> errors = Map.of("email", "adresse e-mail attendue, par exemple nom@example.org",
                "consents.sms", "un accord pour les SMS demande un numéro de téléphone",
                "birthDate", "date de naissance attendue, par exemple 02/11/1951",
                "familyName", "nom attendu");
        String html = contactPage(ContactForm.typed(form, errors, true), true, false);

        assertThat(html).contains("4 point(s) à corriger",
                "<a href=\"#contact-email\">Adresse e-mail : adresse e-mail attendue", "<a href=\"#recevoir-sms\">Recevoir les messages par SMS : un accord",
                "<a href=\"#contact-birthDate\">Date de naissance : date de naissance attendue",
                "Votre compte n&#39;indique pas vos nom et prénoms",
                "<p class=\"erreur\" id=\"erreur-contact-email\">adresse e-mail attendue",
                "value=\"pas-une-adresse\" autocomplete=\"email\" aria-invalid=\"true\" aria-describedby=\"erreur-contact-email aide-contact-email\"",
                "<p class=\"erreur\" id=\"erreur-recevoir-sms\">un accord pour les SMS",
                "value=\"sms\" checked aria-invalid=\"true\" aria-describedby=\"erreur-recevoir-sms\"",
                "<label for=\"contact-birthDate\">Date de naissance</label>", "value=\"31/02/1951\"", "autocomplete=\"bday\"")
                .doesNotContain("nom attendu");
        assertUniqueIds(html);
    }

    @Test
    void theChangeSentIsWhatSheTypedWithUncheckedChannelsOptedOut() {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("email", " camille.martin@example.org ");
        form.add("phone", "");
        form.add("address.line", "");
        form.add("address.postcode", "");
        form.add("address.city", "");
        form.add("birthDate", "12/03/1984");
        form.add("consents", "email");
        ContactAnswers.ContactChange change = ContactForm.change(form, false);
        assertThat(change.email()).isEqualTo("camille.martin@example.org");
        assertThat(change.phone()).isEmpty();
        assertThat(change.address()).isNull();
        assertThat(change.consents()).isEqualTo(new ContactAnswers.MessageConsents(true, false, false));
        // her record exists: the birth date is not hers to change here
        assertThat(change.birthDate()).isNull();
        assertThat(ContactForm.change(form, true).birthDate()).isEqualTo("12/03/1984");
        assertThat(ContactForm.refusal("duplicate-person")).contains("rattachez-la");
    }

    @Test
    void theStaffBlockListsEachMessageInWordsSoTheAgentSeesWhetherTheCitizenWasReminded() {
        MessageViews.Block block = MessageViews.block(List.of(
                new NotificationAnswers.JourneyMessage(UUID.randomUUID(), "reminder-48h", "sms", "delivered",
                        TUESDAY_MORNING, TUESDAY_MORNING, TUESDAY_MORNING.plusSeconds(60), UUID.randomUUID()),
                new NotificationAnswers.JourneyMessage(UUID.randomUUID(), "appointment-booked", "none", "dropped",
                        TUESDAY_MORNING, null, null, null),
                new NotificationAnswers.JourneyMessage(UUID.randomUUID(), "callback-scheduled", "email", "failed",
                        TUESDAY_MORNING, null, null, null)));
        String html = ENGINE.getTemplate("sent-messages.html").data("sent", block).render();

        assertThat(html).contains("<h2 id=\"titre-messages-envoyes\">Messages envoyés</h2>",
                "<td>Rappel 48 h avant le rendez-vous</td><td>par SMS</td><td>reçu</td><td>10 mars 2026 09:06</td>",
                "<td>Rendez-vous confirmé</td><td>aucun moyen de contact accepté</td><td>pas envoyé (plus d&#39;actualité)</td>",
                "<td>Rappel téléphonique prévu</td><td>par e-mail</td><td>échec de l&#39;envoi</td>", "<th scope=\"col\">État</th>")
                .doesNotContain("reminder-48h", "delivered", ">none<");
        assertUniqueIds(html);
    }

    @Test
    void whenNotificationServiceIsDownTheBlockSaysSoAndThePageStillRenders() {
        NotificationServiceClient down = new DownNotificationService();
        MessageViews.Block block = MessageViews.sentAbout(down, UUID.randomUUID()).await().indefinitely();
        assertThat(block.available()).isFalse();
        assertThat(ENGINE.getTemplate("sent-messages.html").data("sent", block).render())
                .contains("id=\"messages-indisponibles\"", "ne peuvent pas être lus pour le moment", "Le reste de la page fonctionne");
        assertThat(ENGINE.getTemplate("sent-messages.html").data("sent", MessageViews.block(List.of())).render())
                .contains("Aucun message n'a été envoyé à la personne pour cette démarche.");
    }

    @Test
    void theLettersPageListsTheSitesBatchesByDayWithThePdfAndAPostedButton() {
        List<MessageViews.Batch> batches = MessageViews.batches(List.of(
                new NotificationAnswers.LetterBatch("fs-aubervilliers", "2026-03-10", 3, 0),
                new NotificationAnswers.LetterBatch("fs-aubervilliers", "2026-03-09", 2, 2)));
        String html = ENGINE.getTemplate("desk/letters.html").data("nav", AGENT).data("site", "fs-aubervilliers")
                .data("available", true).data("batches", batches)
                .data("confirmed", "Les courriers sont marqués comme postés.").data("refused", null).render();

        assertThat(html).contains("<h1>Courriers à imprimer</h1>", "<td>mardi 10 mars 2026</td><td>3</td><td>0</td>",
                "href=\"/guichet/courriers/2026-03-10.pdf\"", "Ouvrir le PDF du mardi 10 mars 2026",
                "action=\"/guichet/courriers/2026-03-10/postes\"", "name=\"csrf\" value=\"jeton-csrf\"",
                "aria-label=\"Marquer comme postés les courriers du mardi 10 mars 2026\">Marquer comme postés</button>",
                "<td>lundi 9 mars 2026</td><td>2</td><td>2</td>", "Tous postés.", "Les courriers sont marqués comme postés.")
                .doesNotContain("action=\"/guichet/courriers/2026-03-09/postes\"");
        assertUniqueIds(html);
        assertThat(ENGINE.getTemplate("desk/letters.html").data("nav", AGENT).data("site", "fs-aubervilliers")
                .data("available", false).data("batches", List.of()).data("confirmed", null).data("refused", null).render())
                .contains("id=\"courriers-indisponibles\"");
    }

    @Test
    void everyTriggerOfNotificationServiceHasItsWords() {
        for (String trigger : List.of("appointment-booked", "appointment-moved", "appointment-cancelled", "reminder-48h", "reminder-2h",
                "handoff-accepted", "callback-scheduled", "mediator-trying", "journey-waiting", "journey-completed")) {
            assertThat(Vocabulary.messageTrigger(trigger)).as(trigger).isNotEqualTo("Message de Relais").doesNotContain(trigger);
        }
        assertThat(Vocabulary.messageTrigger("reminder-48h")).isEqualTo("Rappel 48 h avant le rendez-vous");
        assertThat(Vocabulary.messageTrigger("appointment-booked")).isEqualTo("Rendez-vous confirmé");
        assertThat(Vocabulary.messageTrigger("something-new")).isEqualTo("Message de Relais");
        assertThat(Vocabulary.messageChannel("letter")).isEqualTo("par courrier");
        assertThat(Vocabulary.messageStatus("pending", true)).isEqualTo("en attente jusqu'à 8 h");
        assertThat(Vocabulary.messageStatus("dropped", false)).isEqualTo("pas envoyé");
    }

    private static String contactPage(ContactForm.Fields fields, boolean creating, boolean saved) {
        return ENGINE.getTemplate("portal/contact.html").data("nav", CITIZEN).data("form", fields).data("creating", creating)
                .data("saved", saved).data("duplicate", false).data("refused", null).render();
    }

    /** notification-service not answering, as the REST client reports it. */
    private static final class DownNotificationService implements NotificationServiceClient {
        private static <T> Uni<T> down() {
            return Uni.createFrom().failure(new ProcessingException("connection refused"));
        }

        @Override
        public Uni<List<NotificationAnswers.Message>> mine() {
            return down();
        }

        @Override
        public Uni<List<NotificationAnswers.JourneyMessage>> ofJourney(UUID journeyId) {
            return down();
        }

        @Override
        public Uni<List<NotificationAnswers.LetterBatch>> letters(String site) {
            return down();
        }

        @Override
        public Uni<byte[]> lettersPdf(String site, String day) {
            return down();
        }

        @Override
        public Uni<NotificationAnswers.Posted> posted(String site, String day) {
            return down();
        }
    }

    private static void assertUniqueIds(String html) {
        java.util.regex.Matcher ids = java.util.regex.Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (ids.find()) {
            assertThat(seen.add(ids.group(1))).as("id " + ids.group(1) + " once").isTrue();
        }
    }

    private static Optional<TemplateLocator.TemplateLocation> locate(String id) {
        String path = "templates/" + (id.endsWith(".html") ? id : id + ".html");
        if (MessagePagesTemplateTest.class.getClassLoader().getResource(path) == null) {
            return Optional.empty();
        }
        return Optional.of(new TemplateLocator.TemplateLocation() {
            @Override
            public Reader read() {
                return new InputStreamReader(MessagePagesTemplateTest.class.getClassLoader().getResourceAsStream(path), StandardCharsets.UTF_8);
            }

            @Override
            public Optional<Variant> getVariant() {
                return Optional.of(Variant.forContentType(Variant.TEXT_HTML));
            }
        });
    }
}
