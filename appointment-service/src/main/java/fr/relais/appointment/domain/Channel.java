package fr.relais.appointment.domain;

/** Where an appointment happens: at a desk of a site, or as a phone call-back from a platform. */
public enum Channel {
    DESK, PHONE;

    public String wire() {
        return name().toLowerCase();
    }

    public static Channel fromWire(String wire) {
        return valueOf(wire.toUpperCase());
    }
}
