package fr.relais.notification.domain;

import java.text.Normalizer;

/**
 * The GSM 03.38 default alphabet of SMS, as SMPP carries it (one septet per byte, data_coding 0). French letters that
 * it lacks (ê, â, î, ô, û, ç, ë, ï…) are written without their accent, as French SMS usually are, so a message keeps
 * 160 characters instead of the 70 of UCS-2; a text with any other character goes as UCS-2.
 */
public final class GsmAlphabet {

    static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** Characters written as ESC + the septet of the same index in this string ('\0' = unused). */
    private static final char[] EXTENSION = new char[128];
    static final byte ESCAPE = 0x1B;

    static {
        EXTENSION[0x0A] = '\f';
        EXTENSION[0x14] = '^';
        EXTENSION[0x28] = '{';
        EXTENSION[0x29] = '}';
        EXTENSION[0x2F] = '\\';
        EXTENSION[0x3C] = '[';
        EXTENSION[0x3D] = '~';
        EXTENSION[0x3E] = ']';
        EXTENSION[0x40] = '|';
        EXTENSION[0x65] = '€';
    }

    private GsmAlphabet() {
    }

    /** The text with the French letters GSM lacks replaced by their bare letter; typographic quotes and dashes simplified. */
    public static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            if (septets(c) > 0) {
                out.append(c);
                return;
            }
            String simpler = switch (cp) {
                case '’', '‘' -> "'";
                case '«', '»', '“', '”' -> "\"";
                case '–', '—' -> "-";
                case '\u00A0', '\u202F' -> " ";
                case '…' -> "...";
                case 'œ' -> "oe";
                case 'Œ' -> "OE";
                default -> Normalizer.normalize(c, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
            };
            out.append(simpler.isEmpty() || septets(simpler) == 0 ? c : simpler);
        });
        return out.toString();
    }

    /** Whether every character has a GSM septet (basic or extension). */
    public static boolean encodable(String text) {
        return text.codePoints().allMatch(cp -> septets(new String(Character.toChars(cp))) > 0);
    }

    /** Septets of one character: 1 (basic), 2 (extension: escape + septet), 0 (not in GSM). */
    static int septets(String character) {
        if (character.length() != 1) {
            return 0;
        }
        char c = character.charAt(0);
        if (c != ESCAPE && BASIC.indexOf(c) >= 0) {
            return 1;
        }
        return extensionIndex(c) >= 0 ? 2 : 0;
    }

    /** The text as unpacked septets, one per byte. */
    public static byte[] encode(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length());
        for (char c : text.toCharArray()) {
            int basic = c == ESCAPE ? -1 : BASIC.indexOf(c);
            if (basic >= 0) {
                out.write(basic);
                continue;
            }
            int extension = extensionIndex(c);
            if (extension < 0) {
                throw new IllegalArgumentException("not a GSM 03.38 character: U+" + Integer.toHexString(c));
            }
            out.write(ESCAPE);
            out.write(extension);
        }
        return out.toByteArray();
    }

    private static int extensionIndex(char c) {
        for (int i = 0; i < EXTENSION.length; i++) {
            if (EXTENSION[i] == c && c != '\0') {
                return i;
            }
        }
        return -1;
    }
}
