package fr.relais.journey.service;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What the person API reads and answers. Personal data: these travel over HTTPS to the caller only. */
public final class PersonViews {

    private PersonViews() {
    }

    public record Address(String line, String postcode, String city) {
    }

    /** Which channels the person agreed to be contacted on. */
    public record Consents(boolean email, boolean sms, boolean phone, boolean letter) {
        public static final Consents NONE = new Consents(false, false, false, false);
    }

    /**
     * A new person, typed by a counter agent (identity checked on a document) or a phone agent (declared).
     *
     * @param birthDate ISO or the French day-first forms (see CheckValues)
     */
    public record Draft(String givenNames, String familyName, String birthDate, String phone, String email,
                        Address address, String preferredLanguage, List<String> accessibilityNeeds, Consents consents) {
    }

    /** Exact search: normalised names and the full birth date. */
    public record Search(String givenNames, String familyName, String birthDate) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Person(UUID personId, String givenNames, String familyName, LocalDate birthDate, String identity,
                         String phone, String email, Address address, String preferredLanguage,
                         List<String> accessibilityNeeds, Consents consents, boolean hasAccount,
                         List<JourneyViews.Summary> journeys) {
    }

    /** A field of the draft that is missing or wrong, for the agent to fix. */
    public record FieldError(String field, String message) {
    }

    /** How a mediator may reach the citizen of a case: consented channels only, and her language and needs. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Contact(UUID personId, String givenNames, String familyName, String preferredLanguage,
                          List<String> accessibilityNeeds, String phone, String email, Address address,
                          Consents consents, Instant readAt) {
    }

    /**
     * What mediation-service needs to route a case: the mediator skills the citizen's language and needs call for
     * (codes, e.g. langue-arabe, handicap-visuel), never who she is. Empty for a journey without a person record.
     */
    public record Routing(List<String> requiredSkills) {
    }
}
