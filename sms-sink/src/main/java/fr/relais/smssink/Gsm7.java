package fr.relais.smssink;

import java.io.ByteArrayOutputStream;

/**
 * The GSM 03.38 default alphabet as SMPP carries it with data_coding 0: one septet per octet (unpacked), the
 * extension table reached through the escape septet 0x1B (€, [, ], {, }, \, ^, ~, |, form feed).
 */
public final class Gsm7 {

    private static final char ESCAPE = 0x1B;

    /** Basic table, indexed by septet; 0x1B (escape) is never looked up here. */
    private static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    /** Extension table: septet after the escape, then the character it stands for. */
    private static final String EXTENSION_SEPTETS = "\n\u0014()/<=>@e";
    private static final String EXTENSION_CHARS = "\f^{}\\[~]|€";

    private Gsm7() {
    }

    /** Decodes unpacked septets; an unknown escaped septet reads as its basic character, as 03.38 asks. */
    public static String decode(byte[] septets, int offset, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = offset; i < offset + length; i++) {
            int septet = septets[i] & 0x7F;
            if (septet == ESCAPE && i + 1 < offset + length) {
                int escaped = septets[++i] & 0x7F;
                int at = EXTENSION_SEPTETS.indexOf((char) escaped);
                text.append(at >= 0 ? EXTENSION_CHARS.charAt(at) : BASIC.charAt(escaped));
            } else if (septet != ESCAPE) {
                text.append(BASIC.charAt(septet));
            }
        }
        return text.toString();
    }

    /** Encodes to unpacked septets, as an SMPP client sends them; a character outside the alphabet is refused. */
    public static byte[] encode(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int basic = c == ESCAPE ? -1 : BASIC.indexOf(c);
            if (basic >= 0) {
                out.write(basic);
                continue;
            }
            int extension = EXTENSION_CHARS.indexOf(c);
            if (extension < 0) {
                throw new IllegalArgumentException("not in the GSM 03.38 alphabet: U+" + Integer.toHexString(c));
            }
            out.write(ESCAPE);
            out.write(EXTENSION_SEPTETS.charAt(extension));
        }
        return out.toByteArray();
    }

    /** Whether every character of the text is in the alphabet (basic or extension table). */
    public static boolean canEncode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ESCAPE || BASIC.indexOf(c) < 0 && EXTENSION_CHARS.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
