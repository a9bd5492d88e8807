package fr.relais.system.harness;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * journey-service's data at rest, opened from the outside with the system stack's master key: written here from the
 * documented format (README, "Erasure and crypto-shredding"), not with the service's classes, so a test proves the
 * format and the key handling rather than reusing them.
 */
public final class SealedValues {

    private SealedValues() {
    }

    /** Opens {@code s1:} ciphertext with the data key a {@code w1:m1:} wrapped key holds; throws if it does not open. */
    public static String open(String sealed, String wrappedKey, String binding) throws GeneralSecurityException {
        String[] wrapped = wrappedKey.split(":", 3);
        String master = RelaisSystem.DATA_MASTER_KEYS.substring(RelaisSystem.DATA_MASTER_KEYS.indexOf(':') + 1);
        byte[] dataKey = gcmOpen(Base64.getDecoder().decode(master), Base64.getDecoder().decode(wrapped[2]), "relais-data-key");
        return new String(gcmOpen(dataKey, Base64.getDecoder().decode(sealed.substring(3)), binding), StandardCharsets.UTF_8);
    }

    /** The blind index a person is found by: HMAC-SHA256 of "family|given" (normalised) + "|" + ISO birth date. */
    public static String identityIndex(String familyName, String givenNames, String isoBirthDate) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(RelaisSystem.DATA_INDEX_KEY), "HmacSHA256"));
        String key = normalise(familyName) + "|" + normalise(givenNames) + "|" + isoBirthDate;
        return HexFormat.of().formatHex(mac.doFinal(key.getBytes(StandardCharsets.UTF_8)));
    }

    private static String normalise(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT)
                .replaceAll("[\\s\\-'’.]+", " ").strip();
    }

    private static byte[] gcmOpen(byte[] key, byte[] nonceAndBody, String binding) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonceAndBody, 0, 12));
        cipher.updateAAD(binding.getBytes(StandardCharsets.UTF_8));
        return cipher.doFinal(nonceAndBody, 12, nonceAndBody.length - 12);
    }
}
