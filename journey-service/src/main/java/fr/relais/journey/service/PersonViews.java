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

    /** What the person consents to now: messages on each channel, calls, survey invitations (see ConsentLedger). */
    public record Consents(boolean email, boolean sms, boolean phone, boolean letter, boolean surveys) {
        public static final Consents NONE = new Consents(false, false, false, false, false);
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

    /** The channels a citizen agreed to receive messages on (e-mail, SMS, letter); calls by an agent are not messages. */
    public record MessageConsents(boolean email, boolean sms, boolean letter) {
        public static final MessageConsents NONE = new MessageConsents(false, false, false);
    }

    /**
     * Who notification-service writes to about a journey, read at send time: her names, the contact of each channel she
     * consented to (null otherwise) and her language. Without a person record every contact is null and no channel is
     * consented; {@code accountSubject} is then the journey's account, if it has one, where her messages are filed.
     *
     * @param surveyInvitations she consented to be asked her opinion: the end-of-journey message may carry the survey link
     */
    public record Recipient(UUID journeyId, UUID personId, String accountSubject, String givenNames, String familyName,
                            String email, String phone, Address address, String language, MessageConsents consents,
                            boolean surveyInvitations) {
    }

    /** A citizen's own contact details and consents, as she manages them on the portal. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MyContact(UUID personId, String email, String phone, Address address, MessageConsents consents,
                            boolean hasPerson) {
        public static final MyContact NO_PERSON = new MyContact(null, null, null, null, MessageConsents.NONE, false);
    }

    /**
     * The contact details and consents a citizen sets for herself: each replaces what was recorded (a blank or absent
     * field removes it).
     *
     * @param birthDate needed only when she has no person record yet, to create it (ISO or day-first French forms)
     */
    public record ContactChange(String email, String phone, Address address, MessageConsents consents, String birthDate) {
    }
}
