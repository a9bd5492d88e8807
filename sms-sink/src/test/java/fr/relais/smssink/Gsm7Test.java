package fr.relais.smssink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Gsm7Test {

    @Test
    void readsTheBasicAndTheExtensionTables() {
        byte[] septets = {0x00, 0x01, 0x04, 0x05, 0x1B, 0x65, 0x20, 0x1B, 0x3C, 0x41, 0x1B, 0x3E, 0x0A, 0x7F};

        assertThat(Gsm7.decode(septets, 0, septets.length)).isEqualTo("@£èé€ [A]\nà");
    }

    @Test
    void encodesWhatItDecodes() {
        String text = "Rendez-vous confirmé le 12/03 à 9h30 : guichet [2], 5 € ; {ok} ~ | \\ ^";

        byte[] septets = Gsm7.encode(text);

        assertThat(Gsm7.decode(septets, 0, septets.length)).isEqualTo(text);
        assertThat(septets).contains((byte) 0x1B);
    }

    @Test
    void refusesACharacterOutsideTheAlphabet() {
        assertThat(Gsm7.canEncode("Élodie, votre dossier")).isTrue();
        assertThat(Gsm7.canEncode("ŝ")).isFalse();
        assertThatThrownBy(() -> Gsm7.encode("ŝ")).isInstanceOf(IllegalArgumentException.class);
    }
}
