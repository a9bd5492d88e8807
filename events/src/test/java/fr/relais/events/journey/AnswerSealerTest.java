package fr.relais.events.journey;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnswerSealerTest {

    private static final Map<String, String> ANSWERS =
            Map.of("adresse", "12 rue des Lilas, 93300 Aubervilliers", "anneeNaissance", "1984", "vide", "");

    private static final AnswerSealer.Binding BINDING =
            new AnswerSealer.Binding(UUID.randomUUID(), "nouvelle-adresse", UUID.randomUUID());

    private final AnswerSealer sealer = AnswerSealer.fromBase64("answers-2026-03", AnswerSealer.newSecret());

    @Test
    void sealedAnswersOpenToTheSameAnswers() {
        SealedAnswers sealed = sealer.seal(ANSWERS, BINDING);
        assertEquals("answers-2026-03", sealed.keyId());
        assertEquals(ANSWERS, sealer.open(sealed, BINDING));
    }

    @Test
    void nothingOfTheAnswersIsReadableOnceSealed() {
        SealedAnswers sealed = sealer.seal(ANSWERS, BINDING);
        String visible = sealed.toString() + new String(Base64.getDecoder().decode(sealed.ciphertext()),
                StandardCharsets.ISO_8859_1);
        for (var answer : ANSWERS.entrySet()) {
            assertFalse(visible.contains(answer.getKey()), answer.getKey());
            if (!answer.getValue().isEmpty()) {
                assertFalse(visible.contains(answer.getValue()), answer.getValue());
            }
        }
    }

    @Test
    void everySealingUsesAFreshNonce() {
        SealedAnswers first = sealer.seal(ANSWERS, BINDING);
        SealedAnswers second = sealer.seal(ANSWERS, BINDING);
        assertNotEquals(first.nonce(), second.nonce());
        assertNotEquals(first.ciphertext(), second.ciphertext());
    }

    @Test
    void alteredCiphertextOrNonceIsDetected() {
        SealedAnswers sealed = sealer.seal(ANSWERS, BINDING);
        SealedAnswers badCiphertext = new SealedAnswers(sealed.keyId(), sealed.nonce(), flipFirstBit(sealed.ciphertext()));
        SealedAnswers badNonce = new SealedAnswers(sealed.keyId(), flipFirstBit(sealed.nonce()), sealed.ciphertext());
        SealedAnswers truncated = new SealedAnswers(sealed.keyId(), sealed.nonce(), "AAAA");

        assertUnreadable(badCiphertext, "failed authentication");
        assertUnreadable(badNonce, "failed authentication");
        assertUnreadable(truncated, "shorter than their authentication tag");
        assertUnreadable(new SealedAnswers(sealed.keyId(), "%%%", sealed.ciphertext()), "not valid base64");
    }

    @Test
    void aWrongKeyUnderTheSameIdIsDetected() {
        SealedAnswers sealed = sealer.seal(ANSWERS, BINDING);
        AnswerSealer impostor = AnswerSealer.fromBase64("answers-2026-03", AnswerSealer.newSecret());
        AnswersUnreadableException e = assertThrows(AnswersUnreadableException.class, () -> impostor.open(sealed, BINDING));
        assertTrue(e.getMessage().contains("wrong key material, altered data"), e.getMessage());
    }

    @Test
    void answersSealedUnderAnotherKeyIdAreRefusedByName() {
        SealedAnswers sealed = sealer.seal(ANSWERS, BINDING);
        AnswerSealer other = AnswerSealer.fromBase64("answers-2026-04", AnswerSealer.newSecret());
        AnswersUnreadableException e = assertThrows(AnswersUnreadableException.class, () -> other.open(sealed, BINDING));
        assertEquals("answers were sealed with key 'answers-2026-03', this sealer holds key 'answers-2026-04'",
                e.getMessage());
    }

    /** The key id is associated data: relabelling a record to another key id breaks authentication. */
    @Test
    void theKeyIdIsBoundToTheCiphertext() {
        byte[] key = new byte[32];
        SealedAnswers sealed = new AnswerSealer("k1", key).seal(ANSWERS, BINDING);
        AnswerSealer sameKeyOtherId = new AnswerSealer("k2", key);
        assertThrows(AnswersUnreadableException.class,
                () -> sameKeyOtherId.open(new SealedAnswers("k2", sealed.nonce(), sealed.ciphertext()), BINDING));
    }

    @Test
    void keysMustBe256BitsAndAreNeverEchoed() {
        String shortSecret = Base64.getEncoder().encodeToString(new byte[16]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AnswerSealer.fromBase64("k", shortSecret));
        assertFalse(e.getMessage().contains(shortSecret));
        assertThrows(IllegalArgumentException.class, () -> AnswerSealer.fromBase64("k", "not base64!"));
        assertThrows(IllegalArgumentException.class, () -> new AnswerSealer(" ", new byte[32]));
    }

    /** Answers a citizen submitted cannot be replayed into another journey, another step or another command. */
    @Test
    void answersOpenOnlyForTheJourneyStepAndCommandTheyWereSealedFor() {
        SealedAnswers sealed = sealer.seal(ANSWERS, BINDING);
        for (AnswerSealer.Binding elsewhere : java.util.List.of(
                new AnswerSealer.Binding(UUID.randomUUID(), BINDING.stepId(), BINDING.commandId()),
                new AnswerSealer.Binding(BINDING.journeyId(), "identite", BINDING.commandId()),
                new AnswerSealer.Binding(BINDING.journeyId(), BINDING.stepId(), UUID.randomUUID()))) {
            assertThrows(AnswersUnreadableException.class, () -> sealer.open(sealed, elsewhere), elsewhere.toString());
        }
        assertEquals(ANSWERS, sealer.open(sealed, BINDING));
    }

    @Test
    void openedAnswersCannotBeModified() {
        Map<String, String> opened = sealer.open(sealer.seal(ANSWERS, BINDING), BINDING);
        assertThrows(UnsupportedOperationException.class, () -> opened.put("x", "y"));
    }

    private void assertUnreadable(SealedAnswers sealed, String why) {
        AnswersUnreadableException e = assertThrows(AnswersUnreadableException.class, () -> sealer.open(sealed, BINDING));
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    private static String flipFirstBit(String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        bytes[0] ^= 1;
        return Base64.getEncoder().encodeToString(bytes);
    }
}
