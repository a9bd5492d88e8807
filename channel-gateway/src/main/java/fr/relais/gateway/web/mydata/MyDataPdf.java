package fr.relais.gateway.web.mydata;

import com.fasterxml.jackson.databind.JsonNode;
import fr.relais.document.PdfFlow;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The data export as a PDF to read (the JSON file is the one to keep or reuse): one section per kind of data, in
 * French, every value as the services sent it, so the PDF and the JSON say the same. Large type like the receipt.
 */
public final class MyDataPdf {

    private static final float TITLE = 22f;
    private static final float HEADING = 17f;
    private static final float BODY = 13f;
    private static final float INDENT = 16f;

    /** The sections, in the order a citizen would look for them. */
    private static final List<Map.Entry<String, String>> SECTIONS = List.of(
            Map.entry("person", "Vous (votre dossier)"),
            Map.entry("journeys", "Vos démarches : réponses, historique, accès"),
            Map.entry("personAccessLog", "Qui a consulté votre dossier"),
            Map.entry("consents", "Vos accords, donnés et retirés"),
            Map.entry("bookings", "Vos rendez-vous"),
            Map.entry("messages", "Les messages envoyés"),
            Map.entry("mediationCases", "Vos accompagnements"));

    private MyDataPdf() {
    }

    public static byte[] render(JsonNode export) {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle("Mes données Relais");
            info.setCreator("Relais");
            document.getDocumentCatalog().setLanguage("fr-FR");
            PDFont regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDFont bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            try (PdfFlow flow = new PdfFlow(document)) {
                flow.paragraph(bold, TITLE, "Mes données Relais", 0, 6);
                flow.paragraph(regular, BODY, "Tout ce que Relais garde sur vous, le " + export.path("exportedAt").asText() + ".", 0, 14);
                for (Map.Entry<String, String> section : SECTIONS) {
                    flow.keep(HEADING * 3);
                    flow.paragraph(bold, HEADING, section.getValue(), 0, 6);
                    JsonNode value = export.path(section.getKey());
                    if (value.isMissingNode() || value.isNull() || (value.isContainerNode() && value.isEmpty())) {
                        flow.paragraph(regular, BODY, "Rien.", 0, 12);
                        continue;
                    }
                    write(flow, regular, bold, value, 0);
                    flow.space(12);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the data export could not be written as a PDF", e);
        }
    }

    private static void write(PdfFlow flow, PDFont regular, PDFont bold, JsonNode node, float indent) throws IOException {
        if (node.isArray()) {
            int number = 1;
            for (JsonNode item : node) {
                if (item.isValueNode()) {
                    flow.paragraph(regular, BODY, "• " + item.asText(), indent, 2);
                } else {
                    flow.paragraph(bold, BODY, "n° " + number++, indent, 2);
                    write(flow, regular, bold, item, indent + INDENT);
                    flow.space(4);
                }
            }
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            String label = MyDataLabels.of(field.getKey());
            if (value.isNull()) {
                continue;
            }
            if (value.isValueNode()) {
                flow.paragraph(regular, BODY, label + " : " + value.asText(), indent, 2);
            } else if (!value.isEmpty()) {
                flow.paragraph(bold, BODY, label, indent, 2);
                write(flow, regular, bold, value, indent + INDENT);
            }
        }
    }
}
