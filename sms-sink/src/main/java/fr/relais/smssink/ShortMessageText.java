package fr.relais.smssink;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The text of a short message (its user data without the header) by the data_coding the client declared. */
final class ShortMessageText {

    static final int GSM7 = 0x00;
    static final int LATIN1 = 0x03;
    static final int UCS2 = 0x08;

    private ShortMessageText() {
    }

    /** Empty for a data coding this SMSC does not read (binary, pictograms, …): the submit is refused. */
    static Optional<String> decode(int dataCoding, byte[] data, int offset, int length) {
        return switch (dataCoding) {
            case GSM7 -> Optional.of(Gsm7.decode(data, offset, length));
            case LATIN1 -> Optional.of(new String(data, offset, length, StandardCharsets.ISO_8859_1));
            // UCS-2 big-endian; UTF-16BE reads the same code units and also joins the surrogate pairs that phones send
            case UCS2 -> length % 2 == 0 ? Optional.of(new String(data, offset, length, StandardCharsets.UTF_16BE)) : Optional.empty();
            default -> Optional.empty();
        };
    }
}
