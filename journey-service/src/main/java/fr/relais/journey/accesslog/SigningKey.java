package fr.relais.journey.accesslog;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * The Ed25519 key that signs the daily digests, from 32 random bytes in configuration (base64, the same shape as the
 * other keys of the stack: {@code head -c 32 /dev/urandom | base64}).
 */
public final class SigningKey {

    private final PrivateKey privateKey;
    private final byte[] publicKey;

    private SigningKey(KeyPair pair) {
        this.privateKey = pair.getPrivate();
        this.publicKey = VerifyingKey.raw(pair.getPublic());
    }

    public static SigningKey fromBase64Seed(String base64) {
        byte[] seed = Base64.getDecoder().decode(base64.trim());
        if (seed.length != 32) {
            throw new IllegalArgumentException("the access-log signing key must be 32 bytes in base64, found " + seed.length);
        }
        try {
            // Java 17 cannot derive an Ed25519 public key from a private one; its generator can, when the 32 bytes it
            // draws are the seed (RFC 8032: the private key is those bytes), so it is given a source that returns them.
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SeedSource(seed));
            return new SigningKey(generator.generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every Java 17 runtime", e);
        }
    }

    public byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign with Ed25519", e);
        }
    }

    public String keyId() {
        return VerifyingKey.idOf(publicKey);
    }

    public VerifyingKey verifyingKey() {
        return VerifyingKey.fromRaw(publicKey);
    }

    /** Hands out the seed once, then fails: a generator that asked for more would not be deriving from the seed. */
    private static final class SeedSource extends SecureRandom {
        private byte[] seed;

        SeedSource(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (seed == null || bytes.length != seed.length) {
                throw new IllegalStateException("the Ed25519 generator asked for other bytes than the 32-byte seed");
            }
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
            Arrays.fill(seed, (byte) 0);
            seed = null;
        }
    }
}
