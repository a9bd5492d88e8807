package fr.relais.gateway.web.receipt;

import fr.relais.document.PdfFlow;

import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A receipt as an A4 PDF in large type, for a citizen who reads it on paper: body 16 pt (14 pt at the least), the
 * resume code 32 pt in a frame, headings bold. Standard 14 Helvetica (nothing to embed, WinAnsi covers French).
 * Logs nothing: the page carries a name and a resume code.
 */
public final class ReceiptPdf {

    static final float TITLE = 24f;
    static final float HEADING = 18f;
    static final float BODY = 16f;
    static final float SMALL = 14f;
    static final float CODE = 32f;

    private static final float INDENT = 28f;

    private ReceiptPdf() {
    }

    public static byte[] render(Receipt receipt) {
        try (PDDocument document = new PDDocument()) {
            describe(document);
            PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            try (PdfFlow flow = new PdfFlow(document)) {
                flow.paragraph(regular, SMALL, "Relais — vos démarches, en ligne, au téléphone ou au guichet", 0, 12);
                flow.paragraph(bold, TITLE, "Reçu de votre démarche", 0, 8);
                flow.paragraph(bold, HEADING, receipt.procedureTitle(), 0, 8);
                if (receipt.citizenName() != null) {
                    flow.paragraph(regular, BODY, "Au nom de : " + receipt.citizenName(), 0, 2);
                }
                flow.paragraph(regular, BODY, "Commencée le " + receipt.startedAtInFrench() + ", " + receipt.startedWhere() + ".", 0, 16);

                flow.keep(HEADING * 2 + CODE * 2);
                flow.paragraph(bold, HEADING, "Votre code de reprise", 0, 6);
                flow.framed(bold, CODE, receipt.groupedResumeCode(), 12, 8);
                flow.paragraph(regular, BODY, receipt.checkHint(), 0, 16);

                flow.keep(HEADING * 2 + BODY * 2);
                flow.paragraph(bold, HEADING, "La suite de votre démarche", 0, 6);
                if (receipt.nextSteps().isEmpty()) {
                    flow.paragraph(regular, BODY, "Plus aucune étape à faire.", 0, 16);
                }
                int number = 1;
                for (NextStep step : receipt.nextSteps()) {
                    String text = step.now() ? step.title() + " — " + NextStep.NOW_LABEL : step.title();
                    flow.item(bold, step.now() ? bold : regular, BODY, number++ + ".", text, INDENT, 4);
                }

                flow.space(12);
                flow.keep(HEADING * 2 + BODY * 4);
                flow.paragraph(bold, HEADING, "Besoin d'aide ?", 0, 6);
                flow.paragraph(bold, BODY, receipt.help().siteName(), 0, 2);
                flow.paragraph(regular, BODY, "Horaires : " + receipt.help().openingHours(), 0, 2);
                flow.paragraph(regular, BODY, "Téléphone : " + receipt.help().phoneLine(), 0, 0);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the receipt could not be written as a PDF", e);
        }
    }

    /** Title and language for screen readers and the viewer's title bar; no personal data in the metadata. */
    private static void describe(PDDocument document) {
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle("Reçu Relais");
        info.setCreator("Relais");
        document.getDocumentCatalog().setLanguage("fr-FR");
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        document.getDocumentCatalog().setViewerPreferences(preferences);
    }
}
