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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The master keys from configuration that wrap every data key (AES-256-GCM). A wrapped key names the master key that
 * wrapped it ({@code w1:<id>:<base64 nonce+ciphertext>}), so a rotation keeps the old master key until every data key is
 * re-wrapped under the new one, with no downtime.
 */
public final class MasterKeys {

    private static final String PREFIX = "w1:";
    private static final byte[] PURPOSE = "relais-data-key".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys;
    private final String activeId;

    private MasterKeys(Map<String, SecretKey> keys, String activeId) {
        this.keys = keys;
        this.activeId = activeId;
    }

    /** @param entries {@code id:base64,id2:base64} (32 bytes each) */
    public static MasterKeys parse(String entries, String activeId) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : entries.split(",")) {
            String trimmed = entry.strip();
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("a master key is written id:base64 (32 bytes)");
            }
            String id = trimmed.substring(0, colon);
            if (!id.matches("[A-Za-z0-9_-]{1,32}")) {
                throw new IllegalArgumentException("a master key id is letters, digits, - or _");
            }
            keys.put(id, DataCipher.key(Base64.getDecoder().decode(trimmed.substring(colon + 1))));
        }
        if (!keys.containsKey(activeId)) {
            throw new IllegalArgumentException("the active master key '" + activeId + "' is not among the master keys");
        }
        return new MasterKeys(Map.copyOf(keys), activeId);
    }

    public String activeId() {
        return activeId;
    }

    public Set<String> ids() {
        return keys.keySet();
    }

    /** A fresh random data key, wrapped under the active master key. */
    public String newWrappedKey() {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        return wrap(raw);
    }

    public SecretKey unwrap(String wrapped) {
        if (wrapped == null || !wrapped.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a wrapped data key");
        }
        int colon = wrapped.indexOf(':', PREFIX.length());
        SecretKey master = keys.get(wrapped.substring(PREFIX.length(), colon));
        if (master == null) {
            throw new IllegalStateException("the master key '" + wrapped.substring(PREFIX.length(), colon)
                    + "' that wrapped this data key is not configured");
        }
        byte[] sealed = Base64.getDecoder().decode(wrapped.substring(colon + 1));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, master, new GCMParameterSpec(128, sealed, 0, 12));
            cipher.updateAAD(PURPOSE);
            return DataCipher.key(cipher.doFinal(sealed, 12, sealed.length - 12));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a data key could not be unwrapped", e);
        }
    }

    /** The id of the master key that wrapped this data key. */
    public static String masterIdOf(String wrapped) {
        return wrapped.substring(PREFIX.length(), wrapped.indexOf(':', PREFIX.length()));
    }

    /** The same data key, wrapped under the active master key (rotation). */
    public String rewrap(String wrapped) {
        return wrap(unwrap(wrapped).getEncoded());
    }

    private String wrap(byte[] raw) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeId), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(PURPOSE);
            byte[] body = cipher.doFinal(raw);
            byte[] out = ByteBuffer.allocate(12 + body.length).put(nonce).put(body).array();
            return PREFIX + activeId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a data key could not be wrapped", e);
        }
    }
}
