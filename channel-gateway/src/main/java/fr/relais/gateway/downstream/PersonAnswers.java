package fr.relais.gateway.downstream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * journey-service's person records as the gateway sends and reads them. Personal data: they pass through to the
 * agent's screen and are never logged.
 */
public final class PersonAnswers {

    private PersonAnswers() {
    }

    @Schema(name = "PostalAddress")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Address(String line, String postcode, String city) {
    }

    /** The channels the person agreed to be contacted on. */
    @Schema(name = "ContactConsents")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Consents(boolean email, boolean sms, boolean phone, boolean letter, boolean surveys) {
    }

    /**
     * A new person typed by an agent (identity checked at a desk, declared on a call).
     *
     * @param birthDate       {@code 1951-11-02} or {@code 02/11/1951}
     * @param preferredLanguage ISO 639-1 code, French by default
     * @param accessibilityNeeds codes: handicap-visuel, handicap-auditif, lecture-difficile, mobilite-reduite
     */
    @Schema(name = "PersonDraft")
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Draft(String givenNames, String familyName, String birthDate, String phone, String email,
                        Address address, String preferredLanguage, List<String> accessibilityNeeds, Consents consents) {
    }

    /** An exact search: names (case, accents and hyphens do not matter) and the full birth date. */
    @Schema(name = "PersonSearch")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Search(String givenNames, String familyName, String birthDate) {
    }

    /** @param identity checked (document seen at a desk) or declared (said on a call) */
    @Schema(name = "Person")
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Person(UUID personId, String givenNames, String familyName, LocalDate birthDate, String identity,
                         String phone, String email, Address address, String preferredLanguage,
                         List<String> accessibilityNeeds, Consents consents, boolean hasAccount,
                         List<JourneyAnswers.Summary> journeys) {
    }

    /** How a mediator may reach the citizen of a case: consented channels only, language and needs. */
    @Schema(name = "PersonContact")
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Contact(UUID personId, String givenNames, String familyName, String preferredLanguage,
                          List<String> accessibilityNeeds, String phone, String email, Address address,
                          Consents consents, Instant readAt) {
    }

    /** What the citizen's receipt says (journey-service's answer): resume code and where the journey stands. */
    @Schema(name = "JourneyReceipt")
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Receipt(UUID journeyId, String procedureId, int procedureVersion, String resumeCode, Instant startedAt,
                          String startedChannel, String startedSite, String status, String currentStep,
                          List<String> completedSteps, String givenNames, String familyName) {
    }

    /**
     * The citizen names her aidant: a relative or helper with a Relais account, by his exact names and birth date.
     *
     * @param duration ONE_DAY, ONE_WEEK or ONE_MONTH (a month by default)
     */
    @Schema(name = "AidantNaming")
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AidantNaming(String givenNames, String familyName, String birthDate, String duration) {
    }

    /** The mandate the aidant got. */
    @Schema(name = "AidantMandate")
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AidantMandate(UUID mandateId, Instant expiresAt, String aidantName) {
    }
}
