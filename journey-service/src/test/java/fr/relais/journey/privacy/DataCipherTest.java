package fr.relais.journey.privacy;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataCipherTest {

    private static final String KEYS = "m1:" + Base64.getEncoder().encodeToString(new byte[32])
            + ",m2:" + Base64.getEncoder().encodeToString("another-master-key-32-bytes-long".getBytes());

    @Test
    void aSealedValueOpensOnlyWithItsKeyAndInItsOwnRow() {
        MasterKeys keys = MasterKeys.parse(KEYS, "m1");
        var key = keys.unwrap(keys.newWrappedKey());
        String sealed = DataCipher.seal("1962-07-14", key, "check:a");
        assertThat(sealed).startsWith("s1:").doesNotContain("1962");
        assertThat(DataCipher.open(sealed, key, "check:a")).isEqualTo("1962-07-14");
        assertThatThrownBy(() -> DataCipher.open(sealed, key, "check:b")).isInstanceOf(IllegalStateException.class);
        var other = keys.unwrap(keys.newWrappedKey());
        assertThatThrownBy(() -> DataCipher.open(sealed, other, "check:a")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aRewrappedKeyIsTheSameKeyUnderTheActiveMasterKey() {
        String underM1 = MasterKeys.parse(KEYS, "m1").newWrappedKey();
        MasterKeys rotated = MasterKeys.parse(KEYS, "m2");
        String underM2 = rotated.rewrap(underM1);
        assertThat(MasterKeys.masterIdOf(underM2)).isEqualTo("m2");
        assertThat(rotated.unwrap(underM2).getEncoded()).isEqualTo(rotated.unwrap(underM1).getEncoded());
        // once m1 is removed from the configuration, what it alone wrapped opens no more
        MasterKeys withoutM1 = MasterKeys.parse(KEYS.substring(KEYS.indexOf(",") + 1), "m2");
        assertThatThrownBy(() -> withoutM1.unwrap(underM1)).isInstanceOf(IllegalStateException.class);
    }
}
