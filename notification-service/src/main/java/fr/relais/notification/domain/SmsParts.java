package fr.relais.notification.domain;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An SMS text cut into what the network carries: one message up to 160 GSM septets (70 UCS-2 characters), else
 * concatenated parts of 153 septets (67 characters), each behind a user data header (IEI 0x00: reference, total,
 * sequence), never cutting an escape sequence or a surrogate pair.
 *
 * @param dataCoding 0 for the GSM default alphabet, 8 for UCS-2
 * @param parts      the short_message of each submit, with its UDH when there is more than one
 */
public record SmsParts(byte dataCoding, List<byte[]> parts) {

    public static final byte GSM = 0;
    public static final byte UCS2 = 8;
    static final int GSM_SINGLE = 160;
    static final int GSM_PART = 153;
    static final int UCS2_SINGLE = 70;
    static final int UCS2_PART = 67;

    public boolean concatenated() {
        return parts.size() > 1;
    }

    /** @param reference the concatenation reference, the same in every part (0–255) */
    public static SmsParts of(String text, int reference) {
        String folded = GsmAlphabet.fold(text);
        if (GsmAlphabet.encodable(folded)) {
            byte[] septets = GsmAlphabet.encode(folded);
            if (septets.length <= GSM_SINGLE) {
                return new SmsParts(GSM, List.of(septets));
            }
            return new SmsParts(GSM, withHeaders(gsmChunks(septets), reference));
        }
        if (text.length() <= UCS2_SINGLE) {
            return new SmsParts(UCS2, List.of(text.getBytes(StandardCharsets.UTF_16BE)));
        }
        List<byte[]> chunks = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + UCS2_PART);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            chunks.add(text.substring(start, end).getBytes(StandardCharsets.UTF_16BE));
            start = end;
        }
        return new SmsParts(UCS2, withHeaders(chunks, reference));
    }

    /** Septets of a folded text: what the length tests of the templates count. */
    public static int septetCount(String text) {
        String folded = GsmAlphabet.fold(text);
        return GsmAlphabet.encodable(folded) ? GsmAlphabet.encode(folded).length : -1;
    }

    private static List<byte[]> gsmChunks(byte[] septets) {
        List<byte[]> chunks = new ArrayList<>();
        int start = 0;
        while (start < septets.length) {
            int end = Math.min(septets.length, start + GSM_PART);
            if (end < septets.length && septets[end - 1] == GsmAlphabet.ESCAPE) {
                end--; // an escape and its character stay in one part
            }
            byte[] chunk = new byte[end - start];
            System.arraycopy(septets, start, chunk, 0, chunk.length);
            chunks.add(chunk);
            start = end;
        }
        return chunks;
    }

    private static List<byte[]> withHeaders(List<byte[]> chunks, int reference) {
        List<byte[]> parts = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            ByteArrayOutputStream part = new ByteArrayOutputStream();
            part.write(0x05);
            part.write(0x00);
            part.write(0x03);
            part.write(reference & 0xFF);
            part.write(chunks.size());
            part.write(i + 1);
            part.writeBytes(chunks.get(i));
            parts.add(part.toByteArray());
        }
        return parts;
    }
}
