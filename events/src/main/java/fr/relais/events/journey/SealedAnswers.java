package fr.relais.events.journey;

import java.util.Objects;

/**
 * A step's form answers, encrypted with AES-256-GCM by {@link AnswerSealer}. Form answers are personal
 * data: on Kafka they exist only in this form, readable by the holder of the key (journey-service).
 *
 * @param keyId      which key sealed them (allows key rotation); bound to the ciphertext as associated data
 * @param nonce      the 12-byte GCM nonce, base64
 * @param ciphertext the encrypted JSON object of answers followed by the 16-byte GCM tag, base64
 */
public record SealedAnswers(String keyId, String nonce, String ciphertext) {

    public SealedAnswers {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(ciphertext, "ciphertext");
    }
}
