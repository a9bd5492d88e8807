package fr.relais.journey.privacy;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Personal values at rest, sealed with their owner's data key (AES-256-GCM, {@code s1:<base64 nonce+ciphertext>}).
 * The associated data binds a value to its row, so a sealed value copied into another row does not open.
 */
public final class DataCipher {

    static final String PREFIX = "s1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DataCipher() {
    }

    static SecretKey key(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("an AES-256 key is 32 bytes, not " + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    public static String seal(String plain, SecretKey key, String binding) {
        if (plain == null) {
            return null;
        }
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(binding.getBytes(StandardCharsets.UTF_8));
            byte[] body = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + body.length).put(nonce).put(body).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a value could not be sealed", e);
        }
    }

    /** A value stored before sealing existed (no prefix) reads as it is until the sealing job reaches it. */
    public static String open(String stored, SecretKey key, String binding) {
        if (stored == null || !isSealed(stored)) {
            return stored;
        }
        byte[] sealed = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, 12));
            cipher.updateAAD(binding.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(sealed, 12, sealed.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed value does not open with its key", e);
        }
    }
}
