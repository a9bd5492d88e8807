package fr.relais.journey.privacy;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The blind index that finds a person by exact normalised names and birth date while both are sealed: an HMAC-SHA256
 * under a key from configuration, so the column alone tells nothing and cannot be brute-forced without the key.
 */
public final class IdentityIndex {

    private final SecretKeySpec key;

    public IdentityIndex(String base64Key) {
        byte[] raw = Base64.getDecoder().decode(base64Key);
        if (raw.length < 32) {
            throw new IllegalArgumentException("the identity index key is at least 32 bytes");
        }
        this.key = new SecretKeySpec(raw, "HmacSHA256");
    }

    /** @param nameKey the normalised family and given names (PersonDrafts.nameKey) */
    public String of(String nameKey, LocalDate birthDate) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((nameKey + "|" + birthDate).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing", e);
        }
    }
}
