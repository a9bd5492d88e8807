package fr.relais.notification.domain;

import java.util.UUID;

/**
 * A citizen as journey-service answers at send time: who, and where she may be reached. Held in memory for one
 * sending only; never stored, logged or put on Kafka. {@code surveyConsent}: she agreed to be asked her opinion.
 */
public record Recipient(UUID personId, String accountSubject, String givenNames, String familyName, String email,
                        String phone, Address address, boolean emailConsent, boolean smsConsent, boolean letterConsent,
                        boolean surveyConsent) {

    public record Address(String line, String postcode, String city) {
    }

    /** Whether she gave this channel's contact and consented to it (an opt-out is a withdrawn consent). */
    public boolean reachableBy(Channel channel) {
        return switch (channel) {
            case EMAIL -> emailConsent && present(email);
            case SMS -> smsConsent && present(phone);
            case LETTER -> letterConsent && address != null && present(address.line()) && present(address.city());
        };
    }

    /** The same person with the letter channel closed (no site to print it). */
    public Recipient withoutLetters() {
        return new Recipient(personId, accountSubject, givenNames, familyName, email, phone, address, emailConsent,
                smsConsent, false, surveyConsent);
    }

    /** "Camille Martin" for a letter's address block. */
    public String fullName() {
        return ((givenNames == null ? "" : givenNames) + " " + (familyName == null ? "" : familyName)).strip();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
