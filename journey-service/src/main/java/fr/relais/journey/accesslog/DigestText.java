package fr.relais.journey.accesslog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * What a digest signs: a short header with the root of all chain heads. The root is the SHA-256 of one line per chain
 * ({@code <chain id> <length> <head hash>}, by chain id), so the signed text stays small however many people there are,
 * and changing, adding or dropping one head changes it.
 */
public record DigestText(LocalDate day, Instant madeAt, long chains, long entries, byte[] root) {

    public static DigestText of(LocalDate day, Instant madeAt, List<ChainHead> heads) {
        MessageDigest sha256 = EntryHash.sha256();
        long entries = 0;
        for (ChainHead head : heads.stream().sorted(Comparator.comparing(h -> h.chainId().toString())).toList()) {
            sha256.update((head.chainId() + " " + head.length() + " " + EntryHash.hex(head.headHash()) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            entries += head.length();
        }
        return new DigestText(day, LoggedAccess.storable(madeAt), heads.size(), entries, sha256.digest());
    }

    public byte[] signedBytes() {
        return ("relais access-log digest v1\n"
                + "day " + (day == null ? "-" : day) + "\n"
                + "made-at " + madeAt + "\n"
                + "chains " + chains + "\n"
                + "entries " + entries + "\n"
                + "root " + EntryHash.hex(root) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
