package fr.relais.notification.domain;

import java.util.Arrays;
import java.util.Locale;

/** How a message reaches a citizen. The order of the constants is the fallback order. */
public enum Channel {
    EMAIL, SMS, LETTER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel of(String code) {
        return Arrays.stream(values()).filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown channel: " + code));
    }

    /** E-mail and SMS arrive within minutes; a letter takes days. */
    public boolean instant() {
        return this != LETTER;
    }
}
