package fr.relais.journey.accesslog;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/** An Ed25519 public key that digests are checked against: the raw 32 bytes travel, as base64. */
public final class VerifyingKey {

    /** The X.509 SubjectPublicKeyInfo header of every Ed25519 key (RFC 8410); the raw key follows it. */
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private final PublicKey key;
    private final byte[] raw;

    private VerifyingKey(PublicKey key, byte[] raw) {
        this.key = key;
        this.raw = raw;
    }

    public static VerifyingKey fromBase64(String base64) {
        return fromRaw(Base64.getDecoder().decode(base64.trim()));
    }

    static VerifyingKey fromRaw(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key is 32 bytes, found " + raw.length);
        }
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, 32);
        try {
            return new VerifyingKey(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded)), raw.clone());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    /** A short name for the key, stored with each digest so a verifier holding several keys picks the right one. */
    static String idOf(byte[] raw) {
        return EntryHash.hex(EntryHash.sha256().digest(raw)).substring(0, 16);
    }

    public String keyId() {
        return idOf(raw);
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(raw);
    }

    public boolean verifies(byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
