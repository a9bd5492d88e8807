package fr.relais.gateway.web;

import fr.relais.gateway.downstream.BookingAnswers;
import fr.relais.gateway.downstream.ExperienceAnswers;
import fr.relais.gateway.downstream.ProcedureAnswers;
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
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The experience pages of issue 21, rendered by a plain Qute engine from the gateway's own templates with answers as
 * mediation-service gives them: the citizen's survey (only when offered), the agents' survey and "Signaler une
 * difficulté", the owner's page (hidden cells said in words, comments to moderate) and the public /transparence. French
 * words, never codes; every input labelled, each scale a fieldset with its legend; tables with a caption and th scopes;
 * no id twice on a page.
 */
class ExperiencePagesTemplateTest {

    private static final Engine ENGINE = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver())
            .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML))).addLocator(ExperiencePagesTemplateTest::locate).build();

    private static final WebSession.Nav CITIZEN = new WebSession.Nav(true, false, false, "Camille", "jeton-csrf");
    private static final WebSession.Nav AGENT = new WebSession.Nav(false, true, false, "Agnès", "jeton-csrf");
    private static final WebSession.Nav PHONE = new WebSession.Nav(false, false, false, true, "Paul", "jeton-csrf");
    private static final WebSession.Nav OWNER = new WebSession.Nav(false, false, false, false, true, "Inès", "jeton-csrf");
    private static final WebSession.Nav OPS = new WebSession.Nav(false, false, false, false, true, true, "Olga", "jeton-csrf");

    private static final StepForm.Procedure PROCEDURE = new StepForm.Procedure("aide-logement", "Demande d'aide au logement",
            List.of(new StepForm.Step("identite", "Votre identité", List.of()), new StepForm.Step("revenus", "Vos revenus", List.of())));

    @Test
    void theCitizensSurveyIsShownOnlyWhenOfferedWithThreeOptionalScalesACommentAndPasser() {
        String offered = portalPage(new ExperienceViews.SurveyOffer(true, false), null);

        assertThat(offered).contains("<h2 id=\"titre-questionnaire\">Votre avis sur cette démarche</h2>",
                "action=\"/portail/demarches/j-1/questionnaire\"", "name=\"csrf\" value=\"jeton-csrf\"",
                "<legend>Était-ce facile à comprendre ? <span class=\"obligatoire\">(facultatif)</span></legend>",
                "<legend>Avez-vous trouvé de l&#39;aide quand vous en aviez besoin ?",
                "<legend>Comment vous sentez-vous maintenant par rapport à avant ?",
                "<input type=\"radio\" id=\"questionnaire-easyToUnderstand-sans\" name=\"easyToUnderstand\" value=\"\" checked>",
                "<label for=\"questionnaire-easyToUnderstand-1\">1 – pas du tout</label>",
                "<label for=\"questionnaire-easyToUnderstand-5\">5 – tout à fait</label>",
                "<label for=\"questionnaire-feelingComparedToBefore-5\">5 – beaucoup mieux</label>",
                "<label for=\"questionnaire-commentaire\">Un commentaire ?",
                "N&#39;indiquez ni nom, ni téléphone, ni adresse : ils seraient retirés.",
                "maxlength=\"1000\" aria-describedby=\"aide-questionnaire-commentaire\"",
                "<a class=\"passer\" id=\"passer-questionnaire\" href=\"/portail/demarches/j-1?message=questionnaire-passe\">Passer</a>");
        assertThat(Pattern.compile("<fieldset class=\"echelle\">").matcher(offered).results().count()).isEqualTo(3);
        assertEveryInputLabelled(offered);
        assertUniqueIds(offered);

        for (ExperienceViews.SurveyOffer notOffered : List.of(ExperienceViews.SurveyOffer.NOTHING, new ExperienceViews.SurveyOffer(false, true))) {
            assertThat(portalPage(notOffered, null)).doesNotContain("questionnaire-easyToUnderstand", "/questionnaire\"", "Passer");
        }
    }

    @Test
    void theSurveyIsOfferedOnlyWhenMediationServiceSaysOpenAndNotAnswered() {
        assertThat(ExperienceViews.offer(new ExperienceAnswers.SurveyState(true, false))).isEqualTo(new ExperienceViews.SurveyOffer(true, false));
        assertThat(ExperienceViews.offer(new ExperienceAnswers.SurveyState(true, true))).isEqualTo(new ExperienceViews.SurveyOffer(false, true));
        assertThat(ExperienceViews.offer(new ExperienceAnswers.SurveyState(false, false))).isEqualTo(ExperienceViews.SurveyOffer.NOTHING);
        assertThat(ExperienceViews.offer(null)).isEqualTo(ExperienceViews.SurveyOffer.NOTHING);
    }

    @Test
    void afterTheSurveySheReadsThanksAndWhetherPersonalDataWasRemoved() {
        String thanks = portalPage(ExperienceViews.SurveyOffer.NOTHING, ExperienceMessages.recorded(new ExperienceAnswers.SurveyRecorded("none", 0)));
        assertThat(thanks).contains("<p class=\"info\" role=\"status\" id=\"questionnaire-message\">Merci pour vos réponses");
        String redacted = portalPage(ExperienceViews.SurveyOffer.NOTHING,
                ExperienceMessages.recorded(new ExperienceAnswers.SurveyRecorded("pending", 2)));
        assertThat(redacted).contains("contenait des données personnelles", "elles ont été retirées");
        String down = portalPage(ExperienceViews.SurveyOffer.NOTHING, ExperienceMessages.SURVEY_UNAVAILABLE);
        assertThat(down).contains("<p class=\"alerte\" role=\"alert\" id=\"questionnaire-message\">Vos réponses n&#39;ont pas pu être enregistrées")
                // a survey's code is never also worded as a refused command
                .doesNotContain("Cette action n&#39;est pas possible");
    }

    @Test
    void theFormIsReadIntoTheContractsSurveyAndNothingElse() {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("csrf", "jeton");
        form.add("easyToUnderstand", "4");
        form.add("helpWhenNeeded", "");
        form.add("feelingComparedToBefore", "5");
        form.add("comment", "  Merci beaucoup  ");
        assertThat(SurveyForm.read(form, SurveyForm.DESK)).contains(
                new ExperienceAnswers.Survey("desk", "end", null, 4, null, 5, "Merci beaucoup"));

        form.putSingle("easyToUnderstand", "7");
        assertThat(SurveyForm.read(form, SurveyForm.PORTAL)).isEmpty();
        form.putSingle("easyToUnderstand", "");
        form.putSingle("comment", "x".repeat(1001));
        assertThat(SurveyForm.read(form, SurveyForm.PORTAL)).isEmpty();
        form.putSingle("comment", "é".repeat(1000));
        assertThat(SurveyForm.read(form, SurveyForm.PORTAL)).isPresent();

        MultivaluedMap<String, String> nothing = new MultivaluedHashMap<>();
        assertThat(SurveyForm.isEmpty(SurveyForm.read(nothing, SurveyForm.PHONE).orElseThrow())).isTrue();
        assertThat(SurveyForm.flag("language", "")).contains(new ExperienceAnswers.Flag("language", null));
        assertThat(SurveyForm.flag("missing-document", "revenus")).contains(new ExperienceAnswers.Flag("missing-document", "revenus"));
        assertThat(SurveyForm.flag("made-up", "revenus")).isEmpty();
        assertThat(SurveyForm.flag(null, null)).isEmpty();
    }

    @Test
    void theDeskAndPhonePagesOfferTheSurveyAskedAloudAndTheDifficultyFormWithFrenchLabels() {
        String desk = agentPage("desk/journey.html", AGENT, "/guichet/demarches/j-1", new ExperienceViews.SurveyOffer(true, false))
                .data("refused", null).data("experienceMessage", ExperienceMessages.forAgent(ExperienceMessages.FLAG_SENT)).render();

        assertThat(desk).contains("<h2 id=\"titre-questionnaire\">Questionnaire de fin de démarche</h2>",
                "action=\"/guichet/demarches/j-1/questionnaire\"", "à voix haute",
                "<legend>Était-ce facile à comprendre ?", "Son commentaire, s&#39;il en a un",
                "Ne notez ni nom, ni téléphone, ni adresse : ils seraient retirés.",
                "<h2 id=\"titre-difficulte\">Signaler une difficulté</h2>", "action=\"/guichet/demarches/j-1/difficulte\"",
                "<legend>Difficulté rencontrée</legend>",
                "<label for=\"difficulte-procedure-unclear\">Démarche peu claire</label>",
                "<label for=\"difficulte-tool-problem\">Problème d&#39;outil</label>",
                "<label for=\"difficulte-needs-more-time\">L&#39;usager a besoin de plus de temps</label>",
                "<label for=\"difficulte-language\">Langue</label>", "<label for=\"difficulte-missing-document\">Pièce manquante</label>",
                "<label for=\"difficulte-accessibility\">Accessibilité</label>", "<label for=\"difficulte-other\">Autre</label>",
                "<label for=\"difficulte-etape\">Étape concernée", "<option value=\"\">Toute la démarche</option>",
                "<option value=\"revenus\">Vos revenus</option>",
                "<p class=\"info\" role=\"status\" id=\"experience-message\">Difficulté signalée");
        assertEveryInputLabelled(desk);
        assertUniqueIds(desk);

        String answered = agentPage("desk/journey.html", AGENT, "/guichet/demarches/j-1", new ExperienceViews.SurveyOffer(false, true))
                .data("refused", null).data("experienceMessage", null).render();
        assertThat(answered).contains("id=\"questionnaire-rempli\"", "Signaler une difficulté")
                .doesNotContain("/questionnaire\"");

        String phone = agentPage("phone/journey.html", PHONE, "/telephone/demarches/j-1", new ExperienceViews.SurveyOffer(true, false))
                .data("message", ExperienceMessages.forAgent(ExperienceMessages.SURVEY_THANKS_REDACTED)).data("verifiedUntil", "10:30")
                .data("verificationOver", false).data("notOnPhone", false).data("currentTitle", "").render();
        assertThat(phone).contains("action=\"/telephone/demarches/j-1/questionnaire\"", "action=\"/telephone/demarches/j-1/difficulte\"",
                "Des données personnelles (nom, téléphone, adresse…) ont été retirées du commentaire.");
        assertEveryInputLabelled(phone);
        assertUniqueIds(phone);
    }

    @Test
    void theOwnersPageSaysHiddenCellsInWordsAndOffersModerationAndAnAnswer() {
        UUID pending = UUID.randomUUID();
        ExperienceAnswers.ProcedureExperience experience = new ExperienceAnswers.ProcedureExperience("aide-logement", "2026-01-01", 10,
                List.of(path("portal", 42, 35, 95.5, 18, 3.9), path("portal+desk", 12, 11, 2880.0, 4, null)), 2,
                List.of(new ExperienceAnswers.StepRow(2, "revenus", 40, 12, 5, 3, 2, 17)),
                List.of(new ExperienceAnswers.FlagCount("fs-aubervilliers", "missing-document", 4)),
                List.of(new ExperienceAnswers.Comment(pending, "Trop de pièces. Appelez-moi au [retiré].", "pending", 1,
                                LocalDate.parse("2026-03-02"), "revenus"),
                        new ExperienceAnswers.Comment(UUID.randomUUID(), "Clair et rapide.", "published", 0, LocalDate.parse("2026-02-20"), null),
                        new ExperienceAnswers.Comment(UUID.randomUUID(), "Rejeté.", "rejected", 0, LocalDate.parse("2026-02-21"), null)),
                List.of(new ExperienceAnswers.Answer(UUID.randomUUID(), "aide-logement", "La version 2 réunit deux étapes.", 2,
                        LocalDate.parse("2026-03-05"))));
        ProcedureAnswers.Procedure definition = new ProcedureAnswers.Procedure("aide-logement", 2, "Demande d'aide au logement",
                List.of(new ProcedureAnswers.Step("revenus", "Vos revenus", List.of("portal"), false, false, null, List.of())));
        String html = OwnerPages.page(ENGINE.getTemplate("owner/procedure.html").data("nav", OWNER), "aide-logement", experience,
                definition, List.of(new BookingAnswers.Site("fs-aubervilliers", "France Services Aubervilliers", "93", "desk", 3)),
                ExperienceMessages.forOwner(ExperienceMessages.COMMENT_PUBLISHED)).render();

        assertThat(html).contains("<h1>Demande d&#39;aide au logement</h1>", "Parcours commencés depuis le 1 janvier 2026.",
                "<caption id=\"chemins-legende\">Comparaison des parcours : Demande d&#39;aide au logement</caption>",
                "<th scope=\"col\">En ligne</th><th scope=\"col\">En ligne et au guichet</th>",
                "<th scope=\"row\">Parcours</th><td>42</td><td>12</td>",
                "<th scope=\"row\">Durée médiane pour terminer</th><td>1 h 36</td><td>2,0 jours</td>",
                // 4 answers on portal+desk: under 10, hidden; said in words, not by a colour
                "<th scope=\"row\">« Facile à comprendre » (sur 5)</th><td>3,9</td><td>masqué</td>",
                "2 parcours types non affichés : moins de 10 parcours : masqué pour protéger l&#39;anonymat.",
                "« masqué » : moins de 10 parcours : masqué pour protéger l&#39;anonymat.",
                "<td>v2</td><th scope=\"row\">Vos revenus</th><td>40</td><td>12</td><td>5</td>",
                "<th scope=\"col\">Fait avec un agent</th></tr></thead>", "<td>3</td><td>2</td><td>17</td></tr>",
                "« Fait avec un agent » : parcours dont l'étape a été faite avec un agent, au guichet",
                "<h3 id=\"titre-etapes-agent\">Les étapes qui demandent le plus souvent un agent</h3>",
                "<li>Vos revenus : 43 % des parcours</li>",
                "<td>France Services Aubervilliers</td><td>Pièce manquante</td><td>4</td>",
                "Commentaires à modérer (1)", "Reçu le 2 mars 2026 · étape « Vos revenus » · 1 donnée personnelle retirée",
                "action=\"/proprietaire/aide-logement/commentaires/" + pending + "\"", "name=\"decision\" value=\"publish\"",
                ">Publier</button>", "name=\"decision\" value=\"reject\"", ">Rejeter</button>",
                "aria-describedby=\"commentaire-" + pending + "\"", "Clair et rapide.",
                "La version 2 réunit deux étapes.", "Pris en compte dans la version 2 de la démarche.",
                "action=\"/proprietaire/aide-logement/reponses\"", "<label for=\"reponse-texte\">Votre réponse",
                "<label for=\"reponse-version\">Version de la démarche qui en tient compte", "maxlength=\"2000\"",
                "Commentaire publié : il apparaît sur la page publique de transparence.")
                .doesNotContain("Rejeté.", "portal+desk", "missing-document", "fs-aubervilliers</td>", "null");
        assertEveryInputLabelled(html);
        assertUniqueIds(html);
    }

    @Test
    void theStepsThatMostOftenNeedAnAgentAreTheThreeHighestSharesAndNoneWhenNoStepWasDoneWithAnAgent() {
        java.util.function.Function<String, String> titles = ExperienceViews::humanise;
        List<ExperienceAnswers.StepRow> rows = List.of(step(2, "identite", 50, 21), step(2, "revenus", 40, 30), step(2, "signature", 20, 1),
                step(2, "justificatifs", 30, 3), step(2, "depot", 12, 0), step(2, "vide", 0, 0));
        assertThat(ExperienceViews.agentSteps(rows, titles)).containsExactly(
                new ExperienceViews.AgentStep("Revenus", "75 %"), new ExperienceViews.AgentStep("Identite", "42 %"),
                new ExperienceViews.AgentStep("Justificatifs", "10 %"));
        // the same share: the step with more journeys done with an agent first; several versions: each step says its version
        assertThat(ExperienceViews.agentSteps(List.of(step(1, "revenus", 10, 5), step(2, "revenus", 40, 20)), titles)).containsExactly(
                new ExperienceViews.AgentStep("Revenus (version 2)", "50 %"), new ExperienceViews.AgentStep("Revenus (version 1)", "50 %"));
        assertThat(ExperienceViews.agentSteps(List.of(step(2, "depot", 12, 0)), titles)).isEmpty();
        assertThat(ExperienceViews.percent(21, 50)).isEqualTo("42 %");

        ExperienceAnswers.ProcedureExperience noAgent = new ExperienceAnswers.ProcedureExperience("aide-logement", "2026-01-01", 10,
                List.of(), 0, List.of(step(2, "depot", 12, 0)), List.of(), List.of(), List.of());
        String html = OwnerPages.page(ENGINE.getTemplate("owner/procedure.html").data("nav", OWNER), "aide-logement", noAgent,
                null, List.of(), null).render();
        assertThat(html).contains("<th scope=\"col\">Fait avec un agent</th>", "<td>0</td></tr>")
                .doesNotContain("Les étapes qui demandent le plus souvent un agent", "etapes-agent");
        assertUniqueIds(html);
    }

    @Test
    void theSitesPageShowsAWorkloadRowPerSiteTheHiddenSitesInWordsAndTheTrainingNeedsInFrench() {
        ExperienceAnswers.SiteWorkload workload = new ExperienceAnswers.SiteWorkload("2026-01-01T00:00:00Z", 10, 2, List.of(
                new ExperienceAnswers.SiteRow("fs-aubervilliers", 42, 57, 19, 3.0, 12.25,
                        List.of(new ExperienceAnswers.FlagCount("fs-aubervilliers", "missing-document", 4),
                                new ExperienceAnswers.FlagCount("fs-aubervilliers", "procedure-unclear", 1)),
                        List.of("missing-document", "procedure-unclear", "tool-problem", "needs-more-time", "language", "accessibility",
                                "other")),
                new ExperienceAnswers.SiteRow("fs-gueret", 11, 11, 0, null, null, null, null)));
        String html = OperationsPages.page(ENGINE.getTemplate("operations/sites.html").data("nav", OPS), workload,
                List.of(new BookingAnswers.Site("fs-aubervilliers", "France Services Aubervilliers", "93", "desk", 3))).render();

        assertThat(html).contains("<title>Charge des sites et besoins de formation — Relais</title>",
                "<h1>Charge des sites et besoins de formation</h1>", "Parcours pris en charge depuis le 1 janvier 2026.",
                "<caption id=\"charge-legende\">Charge de travail des lieux d'accueil</caption>",
                "<th scope=\"col\">Lieu</th><th scope=\"col\">Parcours pris en charge</th><th scope=\"col\">Prises en charge</th>",
                "<th scope=\"col\">Heures-agent</th><th scope=\"col\">Prises en charge par heure-agent</th>",
                "<th scope=\"col\">Attente moyenne après un passage de relais (minutes)</th>",
                "<th scope=\"row\">France Services Aubervilliers</th><td>42</td><td>57</td><td>19</td>\n          <td>3,0</td><td>12,3</td>",
                "<th scope=\"row\">fs-gueret</th><td>11</td><td>11</td><td>0</td>\n          <td>—</td><td>—</td>",
                "« — » : rien de mesuré.",
                "<p class=\"info\" id=\"charge-masques\">2 lieux non affichés : moins de 10 parcours : masqué pour protéger l&#39;anonymat.</p>",
                "<h3 id=\"titre-besoins-lieu-1\">France Services Aubervilliers</h3>",
                "<li>Liste des pièces justificatives (4 signalements)</li><li>Connaissance de la démarche (1 signalement)</li>"
                        + "<li>Prise en main des outils</li><li>Accompagnement des usagers qui ont besoin de temps</li>"
                        + "<li>Accueil en langue étrangère ou interprétariat</li><li>Accueil des personnes en situation de handicap</li>"
                        + "<li>Autre</li>",
                "<h3 id=\"titre-besoins-lieu-2\">fs-gueret</h3>", "<p id=\"besoins-lieu-2-aucun\">Aucune difficulté signalée sur la période.</p>",
                "<a href=\"/exploitation/sites\">Charge des sites</a>")
                .doesNotContain("missing-document", "procedure-unclear", "null", "id=\"refus\"");
        assertUniqueIds(html);

        // one site hidden, none shown
        String empty = OperationsPages.page(ENGINE.getTemplate("operations/sites.html").data("nav", OPS),
                new ExperienceAnswers.SiteWorkload(null, 10, 1, null), List.of()).render();
        assertThat(empty).contains("id=\"charge-vide\"", "1 lieu non affiché : moins de 10 parcours : masqué pour protéger l&#39;anonymat.")
                .doesNotContain("<table", "Besoins de formation</h2>", "depuis le");

        // mediation-service's refusal, or no answer: a sentence, never a table nor a code
        jakarta.ws.rs.core.Response refused = OperationsPages.refused(
                new jakarta.ws.rs.WebApplicationException(jakarta.ws.rs.core.Response.status(403).build()),
                ENGINE.getTemplate("operations/sites.html").data("nav", OPS));
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(((TemplateInstance) refused.getEntity()).render()).contains(
                "<p class=\"alerte\" role=\"alert\" id=\"refus\">Ces chiffres sont réservés à l&#39;exploitation").doesNotContain("<table");
        jakarta.ws.rs.core.Response down = OperationsPages.refused(new jakarta.ws.rs.ProcessingException("refused"),
                ENGINE.getTemplate("operations/sites.html").data("nav", OPS));
        assertThat(down.getStatus()).isEqualTo(503);
        assertThat(((TemplateInstance) down.getEntity()).render()).contains("ne peuvent pas être affichés pour le moment");
    }

    @Test
    void opsFindTheSitesPageFromTheOwnersHomeAndTheMenuAndAProcedureOwnerDoesNot() {
        List<Option> procedures = List.of(new Option("aide-logement", "Aide logement"));
        String forOps = ENGINE.getTemplate("owner/home.html").data("nav", OPS).data("ops", true).data("procedures", procedures).render();
        assertThat(forOps).contains("<a id=\"voir-charge-sites\" href=\"/exploitation/sites\">Charge des sites et besoins de formation</a>",
                "<li><a href=\"/exploitation/sites\">Charge des sites</a></li>");
        String forOwner = ENGINE.getTemplate("owner/home.html").data("nav", OWNER).data("ops", false).data("procedures", procedures).render();
        assertThat(forOwner).contains("<a href=\"/proprietaire\">").doesNotContain("/exploitation");
    }

    @Test
    void theTransparencyPageShowsEachProcedureAndTheOpenDataLinksToAVisitor() {
        ExperienceAnswers.Transparency answer = new ExperienceAnswers.Transparency("2026-01-01", 10, List.of(
                new ExperienceAnswers.PublicProcedure("aide-logement", List.of(path("portal", 42, 35, 95.5, 18, 3.9)), 1,
                        List.of(new ExperienceAnswers.PublicComment("Clair et rapide.", LocalDate.parse("2026-02-20"), null)),
                        List.of(new ExperienceAnswers.Answer(UUID.randomUUID(), "aide-logement", "La version 2 réunit deux étapes.", 2,
                                LocalDate.parse("2026-03-05")))),
                new ExperienceAnswers.PublicProcedure("changement-adresse", List.of(), 3, List.of(), List.of())));
        String html = TransparencyPages.page(TransparencyPages.withDefaults(ENGINE.getTemplate("transparency.html").instance()), answer)
                .render();

        assertThat(html).contains("<h1>Ce que vivent les usagers de nos démarches</h1>", "<h2 id=\"titre-demarche-1\">Aide logement</h2>",
                "<caption id=\"demarche-1-chemins-legende\">Comparaison des parcours : Aide logement</caption>",
                "1 parcours type non affiché : moins de 10 parcours : masqué pour protéger l&#39;anonymat.",
                "Clair et rapide.", "La version 2 réunit deux étapes.",
                "<h2 id=\"titre-demarche-2\">Changement adresse</h2>", "id=\"demarche-2-chemins-vide\"",
                "3 parcours types non affichés", "href=\"/transparence/donnees.csv\"", "href=\"/transparence/donnees.json\"",
                "<th scope=\"row\"><code>feeling_compared_to_before</code></th>", "<a href=\"/connexion\">Se connecter</a>")
                .doesNotContain("name=\"csrf\"", "/deconnexion");
        assertUniqueIds(html);

        String down = TransparencyPages.withDefaults(ENGINE.getTemplate("transparency.html").instance()).data("unavailable", true).render();
        assertThat(down).contains("id=\"indisponible\"", "ne peuvent pas être affichés pour le moment", "href=\"/transparence/donnees.csv\"");
    }

    @Test
    void everyPathAndDifficultyHasItsFrenchWords() {
        assertThat(Vocabulary.journeyPath("portal")).isEqualTo("En ligne");
        assertThat(Vocabulary.journeyPath("desk")).isEqualTo("Au guichet");
        assertThat(Vocabulary.journeyPath("phone")).isEqualTo("Par téléphone");
        assertThat(Vocabulary.journeyPath("portal+desk")).isEqualTo("En ligne et au guichet");
        assertThat(Vocabulary.journeyPath("portal+phone")).isEqualTo("En ligne et par téléphone");
        assertThat(Vocabulary.journeyPath("desk+phone")).isEqualTo("Guichet et téléphone");
        assertThat(Vocabulary.journeyPath("portal+desk+phone")).isEqualTo("Les trois canaux");
        assertThat(Vocabulary.journeyPath("mediator")).isEqualTo("Avec un médiateur");
        assertThat(Vocabulary.journeyPath("carrier-pigeon")).isEqualTo("Autre parcours");
        assertThat(Vocabulary.AGENT_FLAGS.keySet()).containsExactly("procedure-unclear", "tool-problem", "needs-more-time", "language",
                "missing-document", "accessibility", "other");
        assertThat(Vocabulary.TRAINING_NEEDS.keySet()).as("a training need for every difficulty").isEqualTo(Vocabulary.AGENT_FLAGS.keySet());
        assertThat(Vocabulary.trainingNeed("missing-document")).isEqualTo("Liste des pièces justificatives");
        assertThat(Vocabulary.trainingNeed("accessibility")).isEqualTo("Accueil des personnes en situation de handicap");
        assertThat(Vocabulary.trainingNeed("too-hot")).isEqualTo("Autre besoin");
        assertThat(ExperienceViews.duration(45)).isEqualTo("45 min");
        assertThat(ExperienceViews.duration(200)).isEqualTo("3 h 20");
        assertThat(ExperienceViews.duration(3600)).isEqualTo("2,5 jours");
        assertThat(OwnerPages.draft("  Merci pour vos retours  ", "")).isEqualTo(new ExperienceAnswers.AnswerDraft("Merci pour vos retours", null));
        assertThat(OwnerPages.draft("Merci", " 2 ")).isEqualTo(new ExperienceAnswers.AnswerDraft("Merci", 2));
        assertThat(OwnerPages.draft("  ", "2")).isNull();
        assertThat(OwnerPages.draft("Merci", "deux")).isNull();
        assertThat(OwnerPages.draft("x".repeat(2001), null)).isNull();
    }

    private static ExperienceAnswers.StepRow step(int version, String stepId, int journeys, long withAgent) {
        return new ExperienceAnswers.StepRow(version, stepId, journeys, 0, 0, 0, 0, withAgent);
    }

    private static ExperienceAnswers.PathRow path(String path, int journeys, int completed, Double median, int surveys, Double score) {
        return new ExperienceAnswers.PathRow(path, journeys, completed, journeys - completed, median, 31.2, 64.3, 0.0, 0.1, 1.4, 0.3,
                2, 1, surveys, score, score, score);
    }

    private static String portalPage(ExperienceViews.SurveyOffer survey, String message) {
        return ENGINE.getTemplate("portal/journey.html").data("nav", CITIZEN).data("id", "j-1").data("procedure", PROCEDURE)
                .data("status", "COMPLETED").data("statusLabel", "Terminée").data("resumeCode", null).data("step", null)
                .data("editable", false).data("errorCount", 0).data("problem", null).data("helpSent", false)
                .data("mandateGranted", false).data("mandateRevoked", false).data("aidantNamed", false).data("callbackRequested", false)
                .data("attached", false).data("mandates", List.of()).data("refused", null).data("timeline", List.of())
                .data("accessLog", List.of()).data("sites", List.of()).data("formKey", "cle")
                .data("survey", survey).data("surveyMessage", ExperienceMessages.forCitizen(message))
                .data("questions", SurveyForm.QUESTIONS).data("commentLabel", "Un commentaire ?").data("commentHint", SurveyForm.COMMENT_HINT)
                .data("via", SurveyForm.PORTAL).render();
    }

    private static TemplateInstance agentPage(String template, WebSession.Nav nav, String base, ExperienceViews.SurveyOffer survey) {
        return ENGINE.getTemplate(template).data("nav", nav).data("id", "j-1").data("procedure", PROCEDURE)
                .data("status", "COMPLETED").data("statusLabel", "Terminée").data("mine", false).data("accessReason", "usager présent au guichet")
                .data("step", null).data("errorCount", 0).data("timeline", List.of()).data("data", List.of())
                .data("sent", MessageViews.block(List.of())).data("formKey", "cle")
                .data("survey", survey).data("experienceBase", base).data("questions", SurveyForm.QUESTIONS)
                .data("flagChoices", SurveyForm.FLAGS).data("commentLabel", "Son commentaire, s'il en a un")
                .data("commentHint", SurveyForm.AGENT_COMMENT_HINT);
    }

    /** Every input, select and textarea but the hidden ones has a label for its id. */
    private static void assertEveryInputLabelled(String html) {
        Matcher inputs = Pattern.compile("<(input|select|textarea) ([^>]*)>").matcher(html);
        while (inputs.find()) {
            String attributes = inputs.group(2);
            if (attributes.contains("type=\"hidden\"")) {
                continue;
            }
            Matcher id = Pattern.compile("id=\"([^\"]+)\"").matcher(attributes);
            assertThat(id.find()).as("an id on " + inputs.group()).isTrue();
            assertThat(html).as("a label for " + id.group(1)).contains("<label for=\"" + id.group(1) + "\"");
        }
    }

    private static void assertUniqueIds(String html) {
        Matcher ids = Pattern.compile(" id=\"([^\"]+)\"").matcher(html);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (ids.find()) {
            assertThat(seen.add(ids.group(1))).as("id " + ids.group(1) + " once").isTrue();
        }
    }

    private static Optional<TemplateLocator.TemplateLocation> locate(String id) {
        String path = "templates/" + (id.endsWith(".html") ? id : id + ".html");
        if (ExperiencePagesTemplateTest.class.getClassLoader().getResource(path) == null) {
            return Optional.empty();
        }
        return Optional.of(new TemplateLocator.TemplateLocation() {
            @Override
            public Reader read() {
                return new InputStreamReader(ExperiencePagesTemplateTest.class.getClassLoader().getResourceAsStream(path), StandardCharsets.UTF_8);
            }

            @Override
            public Optional<Variant> getVariant() {
                return Optional.of(Variant.forContentType(Variant.TEXT_HTML));
            }
        });
    }
}
