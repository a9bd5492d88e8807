package fr.relais.gateway.web;

import fr.relais.gateway.downstream.JourneyAnswers;
import fr.relais.gateway.downstream.PersonAnswers;
import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.Variant;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.junit.jupiter.api.Test;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counter agent's "Nouvelle démarche pour un usager" and the citizen's "Rattacher une démarche", rendered by a
 * plain Qute engine from the gateway's own templates: French words, never codes; every input labelled; an error tied
 * to its field; no id twice on a page.
 */
class OfflinePagesTemplateTest {

    private static final Engine ENGINE = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver())
            .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML))).addLocator(OfflinePagesTemplateTest::locate).build();

    private static final WebSession.Nav AGENT = new WebSession.Nav(false, true, false, "Gilles", "jeton-csrf");

    private static TemplateInstance newJourney() {
        return DeskNewJourneyPages.withDefaults(ENGINE.getTemplate("desk/new-journey.html").instance(), AGENT);
    }

    @Test
    void theSearchFormAsksForNamesAndTheFullBirthDate() {
        String html = newJourney().render();

        assertThat(html).contains("<h1>Nouvelle démarche pour un usager</h1>", "action=\"/guichet/nouvelle-demarche/recherche\"",
                "<label for=\"usager-familyName\">Nom de famille", "<label for=\"usager-birthDate\">Date de naissance",
                "name=\"csrf\" value=\"jeton-csrf\"");
        assertUniqueIds(html);
    }

    @Test
    void nobodyFoundOffersTheCreationFormWithEveryFieldInFrench() {
        Map<String, String> typed = Map.of("familyName", "Benali", "givenNames", "Mohamed", "birthDate", "02/11/1951");
        String html = newJourney().data("notFound", true).data("creating", true)
                .data("form", PersonForm.fields(PersonForm.DESK, typed)).render();

        assertThat(html).contains("Aucune fiche ne correspond exactement", "value=\"Benali\"", "<option value=\"fr\" selected>français</option>",
                "<option value=\"ar\">arabe</option>", "difficultés de lecture", "mobilité réduite", "courrier postal",
                "J'ai vérifié une pièce d'identité", "name=\"identityChecked\" value=\"oui\" required",
                "Numéro et rue", "Code postal", "Commune").doesNotContain("lecture-difficile</label>", ">fr<");
        assertThat(html).doesNotContain("action=\"/guichet/nouvelle-demarche/recherche\""); // one form for these names
        assertUniqueIds(html);
    }

    @Test
    void eachRefusedFieldShowsItsMessageTiedToTheInput() {
        Map<String, String> errors = Map.of("birthDate", "date de naissance attendue, par exemple 02/11/1951",
                "consents", "un accord pour les SMS ou les appels demande un numéro de téléphone");
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("birthDate", "31/02/1951");
        form.add("consents", "sms");
        String html = newJourney().data("creating", true).data("form", PersonForm.fields(PersonForm.DESK, form, errors)).render();

        assertThat(html).contains("<p class=\"erreur\" id=\"erreur-usager-birthDate\">date de naissance attendue",
                "aria-invalid=\"true\" aria-describedby=\"erreur-usager-birthDate aide-usager-birthDate\"",
                "<a href=\"#usager-birthDate\">Date de naissance : date de naissance attendue", "2 point(s) à corriger",
                "id=\"erreur-usager-accords\">un accord pour les SMS", "value=\"sms\" checked", "value=\"31/02/1951\"");
        assertUniqueIds(html);
    }

    @Test
    void aFoundPersonIsShownInWordsWithHerJourneysAndTheProceduresToStart() {
        UUID journey = UUID.randomUUID();
        StepForm.Procedure cni = new StepForm.Procedure("cni-renouvellement", "Renouvellement de carte nationale d'identité",
                List.of(new StepForm.Step("formulaire", "Formulaire de demande", List.of())));
        PersonAnswers.Person person = new PersonAnswers.Person(UUID.randomUUID(), "Mohamed", "Benali", LocalDate.of(1951, 11, 2),
                "declared", null, null, null, "ar", List.of("handicap-visuel"), null, false,
                List.of(new JourneyAnswers.Summary(journey, "cni-renouvellement", 2, "WITH_AGENT", "formulaire", Instant.now(), null)));
        String html = newJourney().data("person", PersonForm.card(person, Map.of("cni-renouvellement", cni)))
                .data("procedures", List.of(new Option("cni-renouvellement", cni.title()))).render();

        assertThat(html).contains("Mohamed Benali", "02/11/1951", "déclarée, non vérifiée", "arabe", "handicap visuel",
                "Renouvellement de carte nationale d&#39;identité</a>", "étape : Formulaire de demande",
                "<option value=\"cni-renouvellement\">Renouvellement", "Commencer la démarche",
                "name=\"personId\" value=\"" + person.personId() + "\"")
                .doesNotContain("declared", ">ar<", "WITH_AGENT", "handicap-visuel<");
        assertUniqueIds(html);
    }

    @Test
    void thePhonesRecordFormIsTheDesksWithItsOwnIds() {
        Map<String, String> typed = Map.of("familyName", "Benali", "givenNames", "Yacine", "birthDate", "02/11/1951");
        Map<String, String> errors = Map.of("consents", "un accord pour les SMS ou les appels demande un numéro de téléphone");
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        typed.forEach(form::add);
        String html = ENGINE.getTemplate("phone/person.html").data("nav", AGENT).data("search", typed).data("procedures", List.of())
                .data("person", null).data("notFound", true).data("refused", null).data("created", false).data("searchErrors", List.of())
                .data("form", PersonForm.fields(PersonForm.PHONE, form, errors)).data("formKey", "cle").render();

        assertThat(html).contains("<h2 id=\"titre-enregistrer\">Enregistrer la personne</h2>", "id=\"personne-familyName\"",
                "value=\"Benali\"", "id=\"personne-phone\"", "id=\"consent-phone\"", "id=\"need-lecture-difficile\"",
                "<label for=\"personne-langue\">Langue préférée</label>", "id=\"erreur-accords\">un accord pour les SMS",
                "action=\"/telephone/personnes\"", "id=\"recherche-nom\"")
                .doesNotContain("J'ai vérifié une pièce d'identité", "usager-");
        assertUniqueIds(html);
    }

    @Test
    void theAttachPageAsksForTheReceiptsCodeAndTheBirthDate() {
        String html = ENGINE.getTemplate("portal/attach.html").data("nav", new WebSession.Nav(true, false, false, "Mohamed", "jeton"))
                .data("refused", PortalAttachPages.text("resume-code-locked")).render();

        assertThat(html).contains("<h1>Rattacher une démarche</h1>", "<label for=\"code-reprise\">Code de reprise",
                "<label for=\"date-naissance\">Date de naissance", "action=\"/portail/rattacher\"",
                "Ce code de reprise est bloqué");
        assertThat(PortalAttachPages.text("no-match")).isEqualTo(PortalAttachPages.text("invalid-lookup"));
        assertUniqueIds(html);
    }

    @Test
    void callBackWindowsAndReasonsReadInFrench() {
        assertThat(CallbackForm.windows()).hasSize(10).first().extracting(PersonForm.Choice::label).isEqualTo("lundi matin (9 h – 12 h 30)");
        assertThat(CallbackForm.reasons()).extracting(Option::name).contains("besoin d'aide pour la démarche").noneMatch(n -> n.contains("-"));
        assertThat(CallbackForm.text("consent-required")).contains("accord");
        assertThat(CallbackForm.text("window-required")).contains("créneau");
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
        if (OfflinePagesTemplateTest.class.getClassLoader().getResource(path) == null) {
            return Optional.empty();
        }
        return Optional.of(new TemplateLocator.TemplateLocation() {
            @Override
            public Reader read() {
                return new InputStreamReader(OfflinePagesTemplateTest.class.getClassLoader().getResourceAsStream(path), StandardCharsets.UTF_8);
            }

            @Override
            public Optional<Variant> getVariant() {
                return Optional.of(Variant.forContentType(Variant.TEXT_HTML));
            }
        });
    }
}
