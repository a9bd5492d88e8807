package fr.relais.journey.domain;

import fr.relais.events.journey.CommandOutcome;

import java.util.List;

/**
 * Machine-readable rejection codes (kebab-case), carried in {@link CommandOutcome#reason()}. Values shared
 * with {@link CommandOutcome}'s {@code REASON_} constants are reused. A closed, low-cardinality set: safe as a
 * metric tag.
 */
public final class RejectionReasons {

    /** No journey with that id (every command but StartJourney). */
    public static final String UNKNOWN_JOURNEY = CommandOutcome.REASON_UNKNOWN_JOURNEY;
    /** StartJourney on a procedure the catalog does not know (or a journey pinned to a version no longer loaded). */
    public static final String UNKNOWN_PROCEDURE = "unknown-procedure";
    /** StartJourney with the id of an existing journey. */
    public static final String JOURNEY_EXISTS = "journey-exists";
    /** The actor's role, subject or channel does not allow this command on this journey. */
    public static final String NOT_ALLOWED = CommandOutcome.REASON_NOT_ALLOWED;
    /** The journey is COMPLETED, ABANDONED or CANCELLED. */
    public static final String JOURNEY_CLOSED = "journey-closed";
    /** The journey's situation forbids it now (e.g. the citizen submits while an agent holds the journey). */
    public static final String WRONG_STATUS = "wrong-status";
    /** A known step that is not the current one (SubmitStep), or not a completed one (GoBack). */
    public static final String WRONG_STEP = "wrong-step";
    /** A step id the journey's pinned procedure version does not have. */
    public static final String UNKNOWN_STEP = "unknown-step";
    /** The actor's channel is not allowed for the step, or a handoff targets a channel other than desk or phone. */
    public static final String CHANNEL_NOT_ALLOWED = "channel-not-allowed";
    /** The step (or the claim) needs the citizen checked in today at the agent's site. */
    public static final String PRESENCE_REQUIRED = "presence-required";
    /** Answers broke the step's field rules; every bad field is named in the field errors. */
    public static final String FIELD_INVALID = CommandOutcome.REASON_FIELD_INVALID;
    /** Another agent holds the journey. */
    public static final String ALREADY_CLAIMED = CommandOutcome.REASON_ALREADY_CLAIMED;
    /** The acting agent does not hold the journey (desk submit, release). */
    public static final String NOT_CLAIMED = "not-claimed";
    /** A phone agent without a caller verification of their own still valid now. */
    public static final String VERIFICATION_REQUIRED = "verification-required";
    /** VerifyCaller's {@code verifiedUntil} is not after now or more than 30 minutes ahead. */
    public static final String VERIFICATION_WINDOW_INVALID = "verification-window-invalid";
    /** RevokeMandate of a mandate that the journey does not have or that is already revoked. */
    public static final String UNKNOWN_MANDATE = "unknown-mandate";
    /** A mediator acting on the steps without a valid mandate for their site. */
    public static final String MANDATE_REQUIRED = "mandate-required";
    /** GrantMandate for a procedure other than the journey's. */
    public static final String MANDATE_SCOPE_INVALID = "mandate-scope-invalid";
    /** A desk handoff, presence or mandate without a site. */
    public static final String SITE_REQUIRED = "site-required";
    /** A handoff or a mandate naming a site that is not one of the configured sites ({@code relais.sites}). */
    public static final String UNKNOWN_SITE = "unknown-site";
    /** A handoff whose reason is not one of {@link fr.relais.events.journey.HandoffReasons}. */
    public static final String UNKNOWN_REASON = "unknown-reason";
    /** Escalate while another mediation case is open. */
    public static final String ALREADY_ESCALATED = "already-escalated";
    /** Deescalate while no mediation case is open. */
    public static final String NOT_ESCALATED = "not-escalated";
    /** Deescalate naming a case other than the open one. */
    public static final String PERSON_REQUIRED = "person-required";
    public static final String ALREADY_ATTACHED = "already-attached";
    public static final String CALLBACK_PENDING = "callback-pending";
    public static final String UNKNOWN_CALLBACK = "unknown-callback";
    public static final String UNKNOWN_WINDOW = "unknown-window";
    public static final String UNKNOWN_OUTCOME = "unknown-outcome";
    public static final String CASE_MISMATCH = "case-mismatch";

    private static final List<String> ALL = List.of(UNKNOWN_JOURNEY, UNKNOWN_PROCEDURE, JOURNEY_EXISTS, NOT_ALLOWED,
            JOURNEY_CLOSED, WRONG_STATUS, WRONG_STEP, UNKNOWN_STEP, CHANNEL_NOT_ALLOWED, PRESENCE_REQUIRED,
            FIELD_INVALID, ALREADY_CLAIMED, NOT_CLAIMED, VERIFICATION_REQUIRED, VERIFICATION_WINDOW_INVALID,
            UNKNOWN_MANDATE, MANDATE_REQUIRED, MANDATE_SCOPE_INVALID, SITE_REQUIRED, UNKNOWN_SITE, UNKNOWN_REASON, ALREADY_ESCALATED,
            NOT_ESCALATED, CASE_MISMATCH, PERSON_REQUIRED, ALREADY_ATTACHED, CALLBACK_PENDING, UNKNOWN_CALLBACK,
            UNKNOWN_WINDOW, UNKNOWN_OUTCOME);

    private RejectionReasons() {
    }

    /** Every code, e.g. to pre-register metric tags. */
    public static List<String> all() {
        return ALL;
    }
}
