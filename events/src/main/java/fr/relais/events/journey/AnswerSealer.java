package fr.relais.events.journey;

import com.fasterxml.jackson.core.type.TypeReference;
import fr.relais.events.ContractJson;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Seals form answers for Kafka and opens them again (AES-256-GCM). The gateway seals what the citizen
 * typed, journey-service opens it: form answers are personal data and must never be readable on a topic,
 * in a dead-letter record or in a broker's log.
 *
 * <p>GCM both hides and authenticates: an altered nonce, ciphertext or key id, or the wrong key, makes
 * {@link #open} fail instead of returning wrong answers. The associated data is the key id and the
 * {@link Binding} (journey, step, command): sealed answers cannot be passed off as sealed under another key,
 * nor replayed into another journey, another step or another command. Nonces are random (96 bits), which is
 * safe far beyond the number of submissions one key will ever seal. Thread-safe.
 */
public final class AnswerSealer {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TypeReference<LinkedHashMap<String, String>> ANSWERS = new TypeReference<>() {
    };

    private final String keyId;
    private final SecretKeySpec key;

    /** What sealed answers belong to: they open only for the same journey, step and command. */
    public record Binding(UUID journeyId, String stepId, UUID commandId) {
        public Binding {
            Objects.requireNonNull(journeyId, "journeyId");
            Objects.requireNonNull(stepId, "stepId");
            Objects.requireNonNull(commandId, "commandId");
        }

        /** The binding of the answers a step submission carries. */
        public static Binding of(SubmitStep submit) {
            return new Binding(submit.journeyId(), submit.stepId(), submit.commandId());
        }

        private byte[] associatedData(String keyId) {
            // NUL cannot occur in a key id, a UUID or a step id, so the fields cannot be shifted into one another
            return (keyId + '\0' + journeyId + '\0' + stepId + '\0' + commandId).getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * @param keyId a name for the key, carried in clear with the answers so the opener picks the right key
     * @param key   32 random bytes
     */
    public AnswerSealer(String keyId, byte[] key) {
        if (keyId == null || keyId.isBlank()) {
            throw new IllegalArgumentException("answer key id is required");
        }
        if (key == null || key.length != KEY_BYTES) {
            // Never echo the key itself.
            throw new IllegalArgumentException("answer key '" + keyId + "' must be " + KEY_BYTES
                    + " bytes (AES-256), got " + (key == null ? 0 : key.length));
        }
        this.keyId = keyId;
        this.key = new SecretKeySpec(key, "AES");
    }

    /** From configuration: the secret is base64 of 32 bytes, e.g. made by {@link #newSecret()}. */
    public static AnswerSealer fromBase64(String keyId, String base64Secret) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(Objects.requireNonNull(base64Secret, "answer key secret").strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("answer key '" + keyId + "' is not valid base64");
        }
        return new AnswerSealer(keyId, key);
    }

    /** A fresh random secret in the form {@link #fromBase64} reads, for dev setups and tests. */
    public static String newSecret() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    public String keyId() {
        return keyId;
    }

    /**
     * @param answers field name to value; no null keys or values
     * @param binding the journey, step and command the answers are submitted with
     */
    public SealedAnswers seal(Map<String, String> answers, Binding binding) {
        byte[] plaintext;
        try {
            plaintext = ContractJson.mapper().writeValueAsBytes(Map.copyOf(answers));
        } catch (IOException e) {
            throw new IllegalStateException("answers could not be written as JSON", e);
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            byte[] ciphertext = cipher(Cipher.ENCRYPT_MODE, nonce, binding).doFinal(plaintext);
            Base64.Encoder base64 = Base64.getEncoder();
            return new SealedAnswers(keyId, base64.encodeToString(nonce), base64.encodeToString(ciphertext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    /**
     * @return the answers, in an unmodifiable map
     * @throws AnswersUnreadableException if another key sealed them, they were altered, or they were sealed for another
     *                                    journey, step or command than {@code binding}
     */
    public Map<String, String> open(SealedAnswers sealed, Binding binding) {
        if (!keyId.equals(sealed.keyId())) {
            throw new AnswersUnreadableException("answers were sealed with key '" + sealed.keyId()
                    + "', this sealer holds key '" + keyId + "'");
        }
        byte[] nonce = decode(sealed.nonce(), "nonce");
        byte[] ciphertext = decode(sealed.ciphertext(), "ciphertext");
        if (nonce.length != NONCE_BYTES) {
            throw new AnswersUnreadableException("sealed answers have a " + nonce.length + "-byte nonce, expected "
                    + NONCE_BYTES);
        }
        // Checked here because the JDK's GCM throws a ProviderException, not a bad-tag error, on a short input.
        if (ciphertext.length < TAG_BITS / Byte.SIZE) {
            throw new AnswersUnreadableException("sealed answers are shorter than their authentication tag");
        }
        byte[] plaintext;
        try {
            plaintext = cipher(Cipher.DECRYPT_MODE, nonce, binding).doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw new AnswersUnreadableException("sealed answers failed authentication with key '" + keyId
                    + "': wrong key material, altered data, or sealed for another journey, step or command", e);
        } catch (GeneralSecurityException e) {
            throw new AnswersUnreadableException("sealed answers could not be decrypted with key '" + keyId + "'", e);
        }
        try {
            return Collections.unmodifiableMap(ContractJson.mapper().readValue(plaintext, ANSWERS));
        } catch (IOException e) {
            // Authenticated yet unreadable: a sealer bug. Do not pass on the parser's message, it quotes content.
            throw new AnswersUnreadableException("sealed answers are not a JSON object of strings");
        }
    }

    private Cipher cipher(int mode, byte[] nonce, Binding binding) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(Objects.requireNonNull(binding, "binding").associatedData(keyId));
        return cipher;
    }

    private static byte[] decode(String base64, String what) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new AnswersUnreadableException("sealed answers' " + what + " is not valid base64");
        }
    }
}
