package fr.relais.document;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Text flowing down A4 pages: lines wrapped to the width between the margins, a new page when one is full, and
 * only characters the font can draw (a Standard 14 font speaks WinAnsi: French is fine, a name in another script
 * loses its accents rather than failing the receipt).
 */
public final class PdfFlow implements AutoCloseable {

    public static final PDRectangle PAGE = PDRectangle.A4;
    /** 2 cm. */
    public static final float MARGIN = 56.7f;
    public static final float WIDTH = PAGE.getWidth() - 2 * MARGIN;

    private static final float LEADING = 1.35f;

    private final PDDocument document;
    private PDPageContentStream stream;
    private float y;

    public PdfFlow(PDDocument document) throws IOException {
        this.document = document;
        newPage();
    }

    /** A paragraph wrapped to the width, indented by {@code indent} points, then {@code after} points of space. */
    public void paragraph(PDFont font, float size, String text, float indent, float after) throws IOException {
        for (String line : lines(font, size, drawable(font, text), WIDTH - indent)) {
            line(font, size, line, indent);
        }
        y -= after;
    }

    /** A numbered item: the number in the left gutter, the text wrapped beside it. */
    public void item(PDFont numberFont, PDFont font, float size, String number, String text, float indent, float after) throws IOException {
        List<String> lines = lines(font, size, drawable(font, text), WIDTH - indent);
        room(size * LEADING);
        show(numberFont, size, number, MARGIN, y - size);
        for (String line : lines) {
            line(font, size, line, indent);
        }
        y -= after;
    }

    /** One line in a frame, for what must stand out (the resume code). */
    public void framed(PDFont font, float size, String text, float padding, float after) throws IOException {
        String shown = drawable(font, text);
        float height = size + 2 * padding;
        room(height);
        float width = Math.min(WIDTH, width(font, size, shown) + 2 * padding);
        stream.setLineWidth(2f);
        stream.addRect(MARGIN, y - height, width, height);
        stream.stroke();
        // the baseline sits a little above the frame's lower padding: capitals and digits have no descenders
        show(font, size, shown, MARGIN + padding, y - padding - size * 0.8f);
        y -= height + after;
    }

    /** Blank space between sections. */
    public void space(float points) {
        y -= points;
    }

    /** Starts a new page: one letter per page in a batch. */
    public void nextPage() throws IOException {
        stream.close();
        newPage();
    }

    /** Keeps what follows (a heading and its first lines) on one page. */
    public void keep(float height) throws IOException {
        room(height);
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }

    private void line(PDFont font, float size, String text, float indent) throws IOException {
        float height = size * LEADING;
        room(height);
        show(font, size, text, MARGIN + indent, y - size);
        y -= height;
    }

    private void show(PDFont font, float size, String text, float x, float baseline) throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, baseline);
        stream.showText(text);
        stream.endText();
    }

    private void room(float height) throws IOException {
        if (y - height < MARGIN) {
            stream.close();
            newPage();
        }
    }

    private void newPage() throws IOException {
        PDPage page = new PDPage(PAGE);
        document.addPage(page);
        stream = new PDPageContentStream(document, page);
        y = PAGE.getHeight() - MARGIN;
    }

    /** Words packed into lines no wider than {@code width}; a word wider than a line is cut after a hyphen, else where it must be. */
    public static List<String> lines(PDFont font, float size, String text, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split(" +")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, size, candidate) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (width(font, size, rest) > width) {
                int cut = 1;
                while (cut < rest.length() && width(font, size, rest.substring(0, cut + 1)) <= width) {
                    cut++;
                }
                int hyphen = rest.lastIndexOf('-', cut - 1);
                if (hyphen > 0) {
                    cut = hyphen + 1; // a compound name breaks after one of its hyphens, as a person would write it
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    public static float width(PDFont font, float size, String text) throws IOException {
        return font.getStringWidth(text) / 1000f * size;
    }

    /** The text with each character the font cannot draw replaced: by its letter without accent, else by "?". */
    public static String drawable(PDFont font, String text) {
        StringBuilder shown = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if (Character.isWhitespace(codePoint) || Character.isISOControl(codePoint)) {
                shown.append(' ');
                return;
            }
            String character = new String(Character.toChars(codePoint));
            if (encodes(font, character)) {
                shown.append(character);
                return;
            }
            String bare = Normalizer.normalize(character, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            shown.append(!bare.isEmpty() && encodes(font, bare) ? bare : "?");
        });
        return shown.toString();
    }

    private static boolean encodes(PDFont font, String character) {
        try {
            font.encode(character);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
