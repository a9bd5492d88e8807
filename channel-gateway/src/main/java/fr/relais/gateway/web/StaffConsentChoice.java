package fr.relais.gateway.web;

/**
 * The button an agent pressed on a person's card: {@code donner:<purpose>} or {@code retirer:<purpose>}; anything
 * else names no purpose journey-service knows, and it refuses it as an invalid field.
 */
record StaffConsentChoice(boolean give, String purpose) {

    static final String DONE = "Son accord est enregistré, daté, avec votre rôle.";

    static StaffConsentChoice of(String choice) {
        String[] parts = choice == null ? new String[0] : choice.split(":", 2);
        return new StaffConsentChoice(parts.length == 2 && "donner".equals(parts[0]), parts.length == 2 && !parts[1].isBlank() ? parts[1] : "none");
    }
}
