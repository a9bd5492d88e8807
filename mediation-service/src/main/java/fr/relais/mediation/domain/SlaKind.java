package fr.relais.mediation.domain;

/** The two clocks of a case. */
public enum SlaKind {
    FIRST_CONTACT("first-contact"),
    RESOLUTION("resolution");

    private final String wire;

    SlaKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static SlaKind fromWire(String value) {
        for (SlaKind kind : values()) {
            if (kind.wire.equals(value)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown SLA: " + value);
    }
}
