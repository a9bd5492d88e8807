package fr.relais.journey.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a citizen may consent to, a closed list: messages about her journeys on each channel, calls by an agent, and
 * the invitation to give her opinion at the end of a journey. Each channel's purpose needs that channel's contact.
 */
public enum ConsentPurpose {
    EMAIL_MESSAGES("messages-email", Contact.EMAIL),
    SMS_MESSAGES("messages-sms", Contact.PHONE),
    LETTERS("messages-letter", Contact.ADDRESS),
    CALLS("calls", Contact.PHONE),
    SURVEYS("surveys", Contact.NONE);

    /** The contact a purpose cannot be served without. */
    public enum Contact { EMAIL, PHONE, ADDRESS, NONE }

    private final String code;
    private final Contact needs;

    ConsentPurpose(String code, Contact needs) {
        this.code = code;
        this.needs = needs;
    }

    public String code() {
        return code;
    }

    public Contact needs() {
        return needs;
    }

    public static Optional<ConsentPurpose> of(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }
}
