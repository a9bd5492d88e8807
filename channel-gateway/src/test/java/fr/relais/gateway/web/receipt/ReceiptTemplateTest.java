package fr.relais.gateway.web.receipt;

import fr.relais.gateway.web.WebSession;
import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.Variant;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The printable page, rendered by a plain Qute engine from the gateway's own templates (layout included). */
class ReceiptTemplateTest {

    private static final Engine ENGINE = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver())
            .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML))).addLocator(ReceiptTemplateTest::locate).build();

    private static final WebSession.Nav AGENT = new WebSession.Nav(false, true, false, "Gilles", "jeton-csrf");

    @Test
    void the_page_shows_the_receipt_in_french_with_print_and_pdf() {
        String html = render(Receipts.mohamed());

        assertThat(html).contains("<html lang=\"fr\">", "Reçu de votre démarche",
                "Renouvellement de carte nationale d&#39;identité", "Mohamed Benali", "KM4T 7QXR",
                "Commencée le 30 novembre 2026 à 14 h 05, au guichet France Services Guéret.",
                "Gardez ce code : avec votre date de naissance, il permet de reprendre votre démarche au guichet, par téléphone ou en ligne.",
                "Rendez-vous au guichet pour la prise d&#39;empreintes — <span class=\"maintenant\">à faire maintenant</span>",
                "Remise de la carte au guichet", "Besoin d'aide ?", "France Services Guéret",
                "Horaires : du lundi au vendredi, 9 h – 12 h 30 et 13 h 30 – 17 h, fermé le mercredi après-midi",
                "Téléphone : 01 99 00 27 27",
                "<button type=\"button\" id=\"imprimer\" data-imprimer hidden>Imprimer</button>",
                "<a href=\"/guichet/demarches/1/recu.pdf\" id=\"telecharger-pdf\">Télécharger le PDF</a>",
                "<a href=\"/guichet/demarches/1\" id=\"continuer-demarche\">Continuer la démarche</a>",
                "<script src=\"/static/imprimer.js\"></script>", "<nav aria-label=\"Menu principal\">");
        assertThat(html.indexOf("prise d&#39;empreintes")).isLessThan(html.indexOf("Remise de la carte"));
    }

    @Test
    void no_inline_script_or_style_that_the_content_security_policy_would_block() {
        String html = render(Receipts.mohamed());

        assertThat(html).doesNotContain("onclick", "style=", "<style", "javascript:");
        assertThat(html.replace("<script src=\"/static/imprimer.js\"></script>", "")).doesNotContain("<script");
    }

    @Test
    void what_a_person_typed_is_escaped() {
        String html = render(Receipts.withName("Titre", "<script>alert(1)</script> Benali"));

        assertThat(html).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;alert(1)&lt;/script&gt; Benali");
    }

    @Test
    void a_journey_without_a_person_record_prints_no_name() {
        String html = render(Receipts.withName("Titre", null));

        assertThat(html).doesNotContain("Au nom de", "id=\"usager\"").contains("KM4T 7QXR");
    }

    @Test
    void a_journey_with_nothing_left_to_do_says_so() {
        Receipt done = new ReceiptFactory(ReceiptFactory.DEMO_PHONE_LINE).receipt("Titre", List.of(), false, "KM4T7QXR",
                Receipts.STARTED, "phone", null, "Mohamed Benali");

        assertThat(render(done)).contains("Plus aucune étape à faire.", "par téléphone avec la plateforme Relais")
                .doesNotContain("à faire maintenant");
    }

    private static String render(Receipt receipt) {
        return ReceiptView.page(ENGINE.getTemplate("desk/receipt.html"), receipt, AGENT,
                new ReceiptView.Links("/guichet/demarches/1/recu.pdf", "/guichet/demarches/1")).render();
    }

    /** The gateway's templates from the class path, as Quarkus finds them: "layout" is templates/layout.html. */
    private static Optional<TemplateLocator.TemplateLocation> locate(String id) {
        String path = "templates/" + (id.endsWith(".html") ? id : id + ".html");
        if (ReceiptTemplateTest.class.getClassLoader().getResource(path) == null) {
            return Optional.empty();
        }
        return Optional.of(new TemplateLocator.TemplateLocation() {
            @Override
            public Reader read() {
                InputStream in = ReceiptTemplateTest.class.getClassLoader().getResourceAsStream(path);
                return new InputStreamReader(in, StandardCharsets.UTF_8);
            }

            @Override
            public Optional<Variant> getVariant() {
                return Optional.of(Variant.forContentType(Variant.TEXT_HTML));
            }
        });
    }
}
