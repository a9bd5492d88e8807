package fr.relais.journey.accesslog;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeyTest {

    /** RFC 8032, 7.1, TEST 1: the public key derived from the seed is the RFC's, so the seed is really the key. */
    @Test
    void thePublicKeyIsDerivedFromTheSeedAsRfc8032Says() {
        byte[] seed = HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        SigningKey key = SigningKey.fromBase64Seed(Base64.getEncoder().encodeToString(seed));
        assertThat(HexFormat.of().formatHex(Base64.getDecoder().decode(key.verifyingKey().base64())))
                .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        // and the RFC's signature of the empty message
        assertThat(HexFormat.of().formatHex(key.sign(new byte[0]))).isEqualTo("e5564300c360ac729086e2cc806e828a"
                + "84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    }

    @Test
    void aSignatureVerifiesWithThePublishedKeyOnlyForItsMessage() {
        SigningKey key = SigningKey.fromBase64Seed("ZGV2LW9ubHktYWNjZXNzLWxvZy1zaWduaW5nLWtleSE=");
        byte[] message = "relais access-log digest v1\n".getBytes(StandardCharsets.UTF_8);
        byte[] signature = key.sign(message);
        VerifyingKey published = VerifyingKey.fromBase64(key.verifyingKey().base64());
        assertThat(published.verifies(message, signature)).isTrue();
        assertThat(published.verifies("relais access-log digest v2\n".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(published.keyId()).isEqualTo(key.keyId()).hasSize(16);
    }

    @Test
    void aKeyOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> SigningKey.fromBase64Seed(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("32 bytes");
    }
}
