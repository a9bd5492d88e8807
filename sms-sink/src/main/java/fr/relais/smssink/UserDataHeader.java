package fr.relais.smssink;

import java.util.Optional;

/**
 * The user data header in front of a short message when esm_class has UDHI set. Only the concatenation
 * information elements matter here: IEI 0x00 (8-bit reference) and IEI 0x08 (16-bit reference).
 *
 * @param length        octets taken by the header, its length octet included: the text starts after them
 * @param concatenation the part's place in a concatenated message, if the header says so
 */
record UserDataHeader(int length, Optional<Concatenation> concatenation) {

    record Concatenation(int reference, int total, int sequence) {
    }

    /** Empty when the header does not fit in the data (the submit is then refused). */
    static Optional<UserDataHeader> parse(byte[] data) {
        if (data.length == 0) {
            return Optional.empty();
        }
        int udhl = data[0] & 0xFF;
        if (udhl + 1 > data.length) {
            return Optional.empty();
        }
        Concatenation found = null;
        int i = 1;
        while (i + 1 <= udhl) {
            int iei = data[i] & 0xFF;
            int iel = data[i + 1] & 0xFF;
            int value = i + 2;
            if (value + iel > udhl + 1) {
                return Optional.empty();
            }
            if (iei == 0x00 && iel == 3) {
                found = new Concatenation(data[value] & 0xFF, data[value + 1] & 0xFF, data[value + 2] & 0xFF);
            } else if (iei == 0x08 && iel == 4) {
                found = new Concatenation(((data[value] & 0xFF) << 8) | (data[value + 1] & 0xFF),
                        data[value + 2] & 0xFF, data[value + 3] & 0xFF);
            }
            i = value + iel;
        }
        if (found != null && (found.total() == 0 || found.sequence() == 0 || found.sequence() > found.total())) {
            return Optional.empty();
        }
        return Optional.of(new UserDataHeader(udhl + 1, Optional.ofNullable(found)));
    }
}
