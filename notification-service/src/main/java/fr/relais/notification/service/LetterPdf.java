package fr.relais.notification.service;

import fr.relais.document.FranceServicesSites;
import fr.relais.document.FrenchDates;
import fr.relais.document.PdfFlow;
import fr.relais.notification.domain.Recipient;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * A day's letters of one site as one PDF, a letter per page: the site, the date, the address block where a window
 * envelope shows it, then the message in large type (14 pt and more), in French.
 */
final class LetterPdf {

    static final float BODY = 14f;
    static final float HEADING = 18f;

    record Letter(String name, Recipient.Address address, String body, Instant sentAt) {
    }

    private LetterPdf() {
    }

    static byte[] render(String siteId, List<Letter> letters) {
        FranceServicesSites.Site site = FranceServicesSites.desk(siteId);
        PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle("Courriers Relais - " + site.name());
            document.setDocumentInformation(info);
            try (PdfFlow flow = new PdfFlow(document)) {
                for (int i = 0; i < letters.size(); i++) {
                    if (i > 0) {
                        flow.nextPage();
                    }
                    letter(flow, bold, regular, site, letters.get(i));
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void letter(PdfFlow flow, PDFont bold, PDFont regular, FranceServicesSites.Site site, Letter letter)
            throws IOException {
        flow.paragraph(bold, BODY, site.name(), 0, 0);
        if (site.town() != null) {
            flow.paragraph(regular, BODY, site.town(), 0, 0);
        }
        flow.space(36);
        // the address block sits on the right half, where a window envelope shows it
        float indent = PdfFlow.WIDTH / 2;
        flow.paragraph(bold, BODY, letter.name(), indent, 0);
        flow.paragraph(regular, BODY, letter.address().line(), indent, 0);
        flow.paragraph(regular, BODY, (letter.address().postcode() == null ? "" : letter.address().postcode() + " ")
                + letter.address().city(), indent, 28);
        flow.paragraph(regular, BODY, site.town() == null ? "Le " + FrenchDates.date(letter.sentAt())
                : townName(site.town()) + ", le " + FrenchDates.date(letter.sentAt()), indent, 28);
        flow.paragraph(bold, HEADING, "Bonjour,", 0, 14);
        for (String paragraph : letter.body().split("\n\\s*\n")) {
            flow.paragraph(regular, BODY, paragraph.replace('\n', ' '), 0, 12);
        }
        flow.space(20);
        flow.paragraph(regular, BODY, "L'équipe Relais", 0, 0);
        flow.paragraph(regular, BODY, site.name() + " – " + site.hours(), 0, 0);
    }

    /** "23000 Guéret" → "Guéret". */
    private static String townName(String town) {
        int space = town.indexOf(' ');
        return space < 0 ? town : town.substring(space + 1);
    }
}
