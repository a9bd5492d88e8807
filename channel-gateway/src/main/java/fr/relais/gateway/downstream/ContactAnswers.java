package fr.relais.gateway.downstream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/**
 * A citizen's own contact details and message consents, as journey-service keeps them on the person record linked to
 * her account ({@code /persons/me/contact}). Personal data: passed to her screen, never logged.
 */
public final class ContactAnswers {

    private ContactAnswers() {
    }

    /** The channels she agreed to receive messages on; unchecking one is opting out of it. */
    @Schema(name = "MessageConsents")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MessageConsents(boolean email, boolean sms, boolean letter) {
    }

    /** Her contact and consents; {@code hasPerson} false (and no consent) while her account has no person record. */
    @Schema(name = "MyContact")
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MyContact(UUID personId, String email, String phone, PersonAnswers.Address address,
                            MessageConsents consents, boolean hasPerson) {
    }

    /**
     * What she sets: each field replaces what was recorded (blank or absent removes it).
     *
     * @param birthDate only while she has no person record, to create it ({@code 02/11/1951} or {@code 1951-11-02})
     */
    @Schema(name = "ContactChange")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContactChange(String email, String phone, PersonAnswers.Address address, MessageConsents consents,
                                String birthDate) {
    }
}
