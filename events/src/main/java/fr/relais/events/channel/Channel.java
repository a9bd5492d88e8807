package fr.relais.events.channel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Where an action comes from. Written lowercase on the wire ({@code portal}), the form metric tags
 * and schemas use too.
 */
public enum Channel {
    PORTAL,
    PHONE,
    DESK,
    /** Commands issued by a service on its own account, e.g. mediation-service escalating a journey. */
    SYSTEM;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException for anything but a known lowercase channel name */
    @JsonCreator
    public static Channel fromWire(String value) {
        for (Channel channel : values()) {
            if (channel.wire().equals(value)) {
                return channel;
            }
        }
        throw new IllegalArgumentException("unknown channel: " + value);
    }
}
