package fr.relais.gateway.web.receipt;

import fr.relais.document.PdfFlow;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiptPdfTest {

    @Test
    void the_receipt_says_what_she_needs_in_french_with_its_accents() throws IOException {
        // lines wrap where the page ends: compare the words, one space between each
        String text = words(ReceiptPdf.render(Receipts.mohamed()));

        assertThat(text).contains("Reçu de votre démarche", "Renouvellement de carte nationale d'identité", "Mohamed Benali",
                "KM4T 7QXR", "Commencée le 30 novembre 2026 à 14 h 05, au guichet France Services Guéret.",
                "Votre code de reprise", "La suite de votre démarche",
                "1. Rendez-vous au guichet pour la prise d'empreintes — à faire maintenant",
                "2. Remise de la carte au guichet", "Besoin d'aide ?", "France Services Guéret",
                "Horaires : du lundi au vendredi, 9 h – 12 h 30 et 13 h 30 – 17 h, fermé le mercredi après-midi",
                "Téléphone : 01 99 00 27 27");
        assertThat(text).contains(Receipt.CHECK_HINT);
        assertThat(text.indexOf("Rendez-vous au guichet")).isLessThan(text.indexOf("Remise de la carte"));
    }

    @Test
    void french_letters_outside_ascii_survive() throws IOException {
        Receipt receipt = Receipts.withName("Démarche : œuvre, cœur, Noël, garçon, hôpital, à côté, où, Ève, Ça", "Zoë Lefèvre-Bœuf");
        String text = words(ReceiptPdf.render(receipt));

        assertThat(text).contains("Démarche : œuvre, cœur, Noël, garçon, hôpital, à côté, où, Ève, Ça", "Zoë Lefèvre-Bœuf");
    }

    @Test
    void the_type_is_large_and_the_code_larger() throws IOException {
        Positions positions = positions(ReceiptPdf.render(Receipts.mohamed()));

        assertThat(positions.all).isNotEmpty().allSatisfy(p -> assertThat(p.getFontSizeInPt()).isGreaterThanOrEqualTo(14f));
        List<TextPosition> code = positions.lineWith("KM4T 7QXR");
        assertThat(code).isNotEmpty().allSatisfy(p -> assertThat(p.getFontSizeInPt()).isGreaterThanOrEqualTo(28f));
        assertThat(positions.lineWith("Besoin d'aide ?")).allSatisfy(p -> assertThat(p.getFont().getName()).contains("Bold"));
    }

    @Test
    void a_long_title_and_name_wrap_inside_the_margins() throws IOException {
        String title = "Demande d'aide au logement pour une famille qui déménage dans un logement social après une "
                + "séparation, avec des enfants à charge et des ressources qui ont changé depuis l'an dernier";
        String name = "Marie-Christine Anne-Sophie Geneviève de La Rochefoucauld-Montmorency-Laval "
                + "Bartholomew-Maximilian-Alexandre-Constantin-Ferdinand-Hippolyte-Wenceslas";
        byte[] pdf = ReceiptPdf.render(Receipts.withName(title, name));

        Positions positions = positions(pdf);
        float right = PdfFlow.PAGE.getWidth() - PdfFlow.MARGIN;
        assertThat(positions.all).allSatisfy(p -> {
            assertThat(p.getXDirAdj()).isGreaterThanOrEqualTo(PdfFlow.MARGIN - 0.5f);
            assertThat(p.getXDirAdj() + p.getWidthDirAdj()).isLessThanOrEqualTo(right + 0.5f);
        });
        String joined = text(pdf).replaceAll("\\s+", "");
        assertThat(joined).contains(title.replace(" ", ""), name.replace(" ", ""));
        assertThat(positions.lines.size()).isGreaterThan(positions(ReceiptPdf.render(Receipts.mohamed())).lines.size());
    }

    @Test
    void a_compound_name_wider_than_a_line_breaks_after_a_hyphen() throws IOException {
        PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        String name = "Bartholomew-Maximilian-Alexandre-Constantin-Ferdinand-Hippolyte-Wenceslas";

        List<String> lines = PdfFlow.lines(font, ReceiptPdf.BODY, name, PdfFlow.WIDTH);

        assertThat(lines).hasSizeGreaterThan(1).allSatisfy(line ->
                assertThat(PdfFlow.width(font, ReceiptPdf.BODY, line)).isLessThanOrEqualTo(PdfFlow.WIDTH));
        assertThat(lines.subList(0, lines.size() - 1)).allSatisfy(line -> assertThat(line).endsWith("-"));
        assertThat(String.join("", lines)).isEqualTo(name);
    }

    @Test
    void many_steps_run_onto_a_second_page_without_losing_one() throws IOException {
        List<String> steps = IntStream.rangeClosed(1, 40).mapToObj(i -> "Étape numéro " + i + " de la démarche").toList();
        Receipt receipt = new ReceiptFactory(ReceiptFactory.DEMO_PHONE_LINE).receipt("Titre", steps, false, "KM4T7QXR",
                Receipts.STARTED, "desk", "fs-aubervilliers", "Camille Martin");
        byte[] pdf = ReceiptPdf.render(receipt);

        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
        }
        String text = text(pdf);
        steps.forEach(step -> assertThat(text).contains(step));
        assertThat(text).contains("Besoin d'aide ?");
        positions(pdf).all.forEach(p -> assertThat(p.getYDirAdj()).isBetween(PdfFlow.MARGIN, PdfFlow.PAGE.getHeight() - PdfFlow.MARGIN + 1));
    }

    @Test
    void a_name_in_letters_helvetica_lacks_is_printed_without_failing() throws IOException {
        String text = text(ReceiptPdf.render(Receipts.withName("Titre", "Nguyễn Thị Łucja 李\tTest")));

        assertThat(text).contains("Nguyen Th", "ucja", "Test");
    }

    @Test
    void a4_with_title_and_language_for_readers_and_no_personal_data_in_the_metadata() throws IOException {
        try (PDDocument document = Loader.loadPDF(ReceiptPdf.render(Receipts.mohamed()))) {
            assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(PdfFlow.PAGE.getWidth());
            assertThat(document.getPage(0).getMediaBox().getHeight()).isEqualTo(PdfFlow.PAGE.getHeight());
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Reçu Relais");
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("fr-FR");
            assertThat(document.getDocumentCatalog().getViewerPreferences().displayDocTitle()).isTrue();
            assertThat(document.getDocumentInformation().getCOSObject().toString()).doesNotContain("Benali", "KM4T");
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String words(byte[] pdf) throws IOException {
        return text(pdf).replaceAll("\\s+", " ");
    }

    private static Positions positions(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Positions positions = new Positions();
            positions.getText(document);
            return positions;
        }
    }

    /** Each line of text with the glyphs that drew it: their size, font and place. */
    private static final class Positions extends PDFTextStripper {
        final List<TextPosition> all = new ArrayList<>();
        final List<String> lines = new ArrayList<>();
        final List<List<TextPosition>> lineGlyphs = new ArrayList<>();

        @Override
        protected void writeString(String text, List<TextPosition> textPositions) throws IOException {
            all.addAll(textPositions);
            lines.add(text);
            lineGlyphs.add(List.copyOf(textPositions));
            super.writeString(text, textPositions);
        }

        List<TextPosition> lineWith(String text) {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(text)) {
                    return lineGlyphs.get(i);
                }
            }
            return List.of();
        }
    }
}
