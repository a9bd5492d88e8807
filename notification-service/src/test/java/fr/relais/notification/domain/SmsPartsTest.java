package fr.relais.notification.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SmsPartsTest {

    @Test
    void aShortFrenchTextIsOneGsmMessageWithTheLettersGsmLacksWrittenBare() {
        SmsParts parts = SmsParts.of("Relais : à bientôt, prêt ? Ça marche.", 1);
        assertThat(parts.dataCoding()).isEqualTo(SmsParts.GSM);
        assertThat(parts.parts()).hasSize(1);
        // é, à and Ç are GSM letters and stay; ô and ê are not and lose their accent
        assertThat(decode(parts.parts().get(0))).isEqualTo("Relais : à bientot, pret ? Ça marche.");
    }

    @Test
    void oneHundredSixtySeptetsFitOneMessageAndOneMoreSplitsInParts() {
        assertThat(SmsParts.of("a".repeat(160), 1).parts()).hasSize(1);
        SmsParts split = SmsParts.of("a".repeat(161), 7);
        assertThat(split.parts()).hasSize(2);
        byte[] first = split.parts().get(0);
        // UDH: length 5, IEI 0 (8-bit reference), 3 bytes: reference 7, 2 parts, part 1
        assertThat(new byte[]{first[0], first[1], first[2], first[3], first[4], first[5]})
                .containsExactly(5, 0, 3, 7, 2, 1);
        assertThat(first.length - 6).isEqualTo(153);
        assertThat(split.parts().get(1).length - 6).isEqualTo(8);
    }

    @Test
    void anEscapedCharacterCountsTwoAndIsNeverCutFromItsEscape() {
        assertThat(SmsParts.septetCount("€")).isEqualTo(2);
        // 152 letters then €: the escape would be septet 153, so it moves to the second part with its character
        SmsParts split = SmsParts.of("a".repeat(152) + "€" + "b".repeat(10), 1);
        assertThat(split.parts().get(0).length - 6).isEqualTo(152);
        assertThat(split.parts().get(1)[6]).isEqualTo(GsmAlphabet.ESCAPE);
    }

    @Test
    void aTextInAnotherScriptGoesAsUcs2() {
        SmsParts parts = SmsParts.of("موعدك غدا", 1);
        assertThat(parts.dataCoding()).isEqualTo(SmsParts.UCS2);
        assertThat(new String(parts.parts().get(0), StandardCharsets.UTF_16BE)).isEqualTo("موعدك غدا");
        assertThat(SmsParts.of("م".repeat(71), 1).parts()).hasSize(2);
    }

    private static String decode(byte[] septets) {
        StringBuilder text = new StringBuilder();
        for (byte b : septets) {
            text.append(GsmAlphabet.BASIC.charAt(b));
        }
        return text.toString();
    }
}
