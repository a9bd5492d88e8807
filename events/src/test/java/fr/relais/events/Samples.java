package fr.relais.events;

import fr.relais.events.appointment.*;
import fr.relais.events.channel.Channel;
import fr.relais.events.channel.Touchpoint;
import fr.relais.events.channel.TouchpointKind;
import fr.relais.events.journey.*;
import fr.relais.events.mediation.*;
import fr.relais.events.notification.*;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One realistic sample of every payload, in the demo world (DEMO-DATA.md): Camille's ID card renewal,
 * Agnès at France Services Aubervilliers, Paul on the phone platform. Subjects are made-up Keycloak
 * {@code sub} values; no names anywhere, as on the real topics.
 */
public final class Samples {

    public static final UUID JOURNEY = UUID.fromString("0b6f1c7e-3a52-4d8e-9f21-6c4b2a7d9e10");
    public static final UUID CASE = UUID.fromString("5e2d8a41-7c3b-4f96-a0d1-8b7e6c5f4a32");
    public static final UUID MANDATE = UUID.fromString("9a4c3b2d-1e0f-4a5b-8c7d-6e5f4a3b2c1d");
    public static final UUID PERSON = UUID.fromString("3c8e7f6a-2b1d-4e5f-9a8b-7c6d5e4f3a2b");
    public static final UUID CALLBACK = UUID.fromString("6f5e4d3c-2b1a-4098-8765-43210fedcba9");
    public static final Instant AT = Instant.parse("2026-03-12T09:15:30.125Z");
    public static final UUID BOOKING = UUID.fromString("7d3e2f1a-6b5c-4d4e-8f3a-2b1c0d9e8f7a");
    public static final UUID NOTIFICATION = UUID.fromString("4b3a2c1d-0e9f-4a8b-9c7d-5e6f7a8b9c0d");
    /** Monday 16 March 2026, 10:00-10:20 in Paris (UTC+1). */
    public static final Instant SLOT_START = Instant.parse("2026-03-16T09:00:00Z");
    public static final Instant SLOT_END = Instant.parse("2026-03-16T09:20:00Z");

    public static final Actor CITIZEN =
            new Actor("f3b1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d", Set.of("citizen"), null, Channel.PORTAL);
    public static final Actor COUNTER_AGENT =
            new Actor("a1b2c3d4-e5f6-4789-8abc-def012345678", Set.of("counter-agent"), "fs-aubervilliers", Channel.DESK);
    public static final Actor PHONE_AGENT =
            new Actor("b2c3d4e5-f6a7-4890-9bcd-ef0123456789", Set.of("phone-agent"), "tel-national", Channel.PHONE);
    public static final Actor MEDIATION = Actor.system("mediation-service");
    /** A relative with an account who acts for the citizen under a mandate. */
    public static final Actor AIDANT =
            new Actor("c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f", Set.of("citizen"), null, Channel.PORTAL);
    public static final UUID AIDANT_PERSON = UUID.fromString("8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5968");

    /** A fixed test key, so that the sealed sample opens in tests; real keys come from configuration. */
    public static final AnswerSealer SEALER = new AnswerSealer("answers-test-1", new byte[32]);
    public static final SealedAnswers ANSWERS = SEALER.seal(Map.of("motif", "renouvellement", "dateExpiration", "2026-05"),
            new AnswerSealer.Binding(JOURNEY, "formulaire", id(2)));

    private static final List<Object> ALL = List.of(
            new StartJourney(id(1), JOURNEY, COUNTER_AGENT, AT, "cni-renouvellement", PERSON),
            new SubmitStep(id(2), JOURNEY, CITIZEN, AT, "formulaire", ANSWERS),
            new GoBack(id(3), JOURNEY, CITIZEN, AT, "identite"),
            new RequestHandoff(id(4), JOURNEY, CITIZEN, AT, Channel.DESK, "fs-aubervilliers", "citizen-request"),
            new ClaimJourney(id(5), JOURNEY, COUNTER_AGENT, AT),
            new ReleaseJourney(id(6), JOURNEY, COUNTER_AGENT, AT),
            new RecordPresence(id(7), JOURNEY, COUNTER_AGENT, AT, "fs-aubervilliers", "appointment-check-in"),
            new VerifyCaller(id(8), JOURNEY, PHONE_AGENT, AT, AT.plusSeconds(1800)),
            new GrantMandate(id(9), JOURNEY, CITIZEN, AT, "fs-aubervilliers", "cni-renouvellement", MandateDuration.ONE_WEEK),
            new RevokeMandate(id(10), JOURNEY, CITIZEN, AT, MANDATE),
            new Escalate(id(11), JOURNEY, MEDIATION, AT, CASE, "friction-threshold", "93"),
            new Deescalate(id(12), JOURNEY, MEDIATION, AT, CASE, "helped-online"),
            new Abandon(id(13), JOURNEY, CITIZEN, AT, "citizen-request"),
            new Cancel(id(14), JOURNEY, COUNTER_AGENT, AT, "duplicate-request"),
            new AttachJourney(id(15), JOURNEY, CITIZEN, AT),
            new RequestCallback(id(16), JOURNEY, CITIZEN, AT, CALLBACK, "needs-help", List.of("mardi-matin", "jeudi-apres-midi")),
            new RecordCallbackAttempt(id(17), JOURNEY, PHONE_AGENT, AT, CALLBACK, "reached", AT.plusSeconds(1800)),
            new GrantAidantMandate(id(18), JOURNEY, CITIZEN, AT, AIDANT.subject(), AIDANT_PERSON, MandateDuration.ONE_MONTH),

            new CommandOutcome(id(2), JOURNEY, CommandOutcome.Status.REJECTED, CommandOutcome.REASON_FIELD_INVALID,
                    "2 fields invalid", List.of(new CommandOutcome.FieldError("dateExpiration", "pattern"),
                    new CommandOutcome.FieldError("motif", "required")), List.of(), 3,
                    JourneyStatus.IN_PROGRESS.name(), AT),

            new JourneyStarted(JOURNEY, 1, AT, COUNTER_AGENT, "cni-renouvellement", 2, "identite", PERSON),
            new StepCompleted(JOURNEY, 2, AT, CITIZEN, "formulaire", "justificatifs", List.of("motif", "dateExpiration")),
            new WentBack(JOURNEY, 3, AT, CITIZEN, "justificatifs", "formulaire"),
            new HandoffRequested(JOURNEY, 4, AT, CITIZEN, Channel.DESK, "fs-aubervilliers", "citizen-request"),
            new JourneyClaimed(JOURNEY, 5, AT, COUNTER_AGENT, Channel.DESK, "fs-aubervilliers"),
            new JourneyReleased(JOURNEY, 6, AT, COUNTER_AGENT, "justificatifs"),
            new PresenceRecorded(JOURNEY, 7, AT, COUNTER_AGENT, "fs-aubervilliers", "appointment-check-in"),
            new CallerVerified(JOURNEY, 8, AT, PHONE_AGENT, AT.plusSeconds(1800)),
            new MandateGranted(JOURNEY, 9, AT, CITIZEN, MANDATE, "fs-aubervilliers", "cni-renouvellement",
                    MandateDuration.ONE_WEEK.expiresAt(AT)),
            new MandateRevoked(JOURNEY, 10, AT, CITIZEN, MANDATE),
            new JourneyEscalated(JOURNEY, 11, AT, MEDIATION, CASE, "friction-threshold", "93"),
            new JourneyDeescalated(JOURNEY, 12, AT, MEDIATION, CASE, "helped-online"),
            new JourneyCompleted(JOURNEY, 13, AT, COUNTER_AGENT),
            new JourneyAbandoned(JOURNEY, 14, AT, Actor.system("journey-service"), "inactivity"),
            new JourneyCancelled(JOURNEY, 15, AT, COUNTER_AGENT, "duplicate-request"),
            new JourneyAttached(JOURNEY, 16, AT, CITIZEN),
            new CallbackRequested(JOURNEY, 17, AT, CITIZEN, CALLBACK, "needs-help", List.of("mardi-matin"),
                    Instant.parse("2026-03-17T08:00:00Z"), Instant.parse("2026-03-17T11:30:00Z")),
            new CallbackAttempted(JOURNEY, 18, AT, PHONE_AGENT, CALLBACK, "no-answer", 1, false),
            new AidantMandateGranted(JOURNEY, 19, AT, CITIZEN, MANDATE, AIDANT.subject(), AIDANT_PERSON, "cni-renouvellement",
                    MandateDuration.ONE_MONTH.expiresAt(AT)),

            new Touchpoint(id(100), JOURNEY, TouchpointKind.VALIDATION_ERROR, "formulaire", Channel.PORTAL, null, 2, AT),

            new AppointmentBooked(BOOKING, JOURNEY, AT, "fs-aubervilliers", "fs-aubervilliers-g1", "cni-biometrie",
                    "cni-renouvellement", "rdv-biometrie", SLOT_START, SLOT_END),
            new AppointmentRescheduled(BOOKING, JOURNEY, AT, "fs-saint-denis", "fs-saint-denis-g2", "cni-biometrie",
                    "cni-renouvellement", "rdv-biometrie", SLOT_START.plusSeconds(86400), SLOT_END.plusSeconds(86400),
                    "fs-aubervilliers", SLOT_START, SLOT_END),
            new AppointmentCancelled(BOOKING, JOURNEY, AT, "fs-aubervilliers", "fs-aubervilliers-g1", "cni-biometrie",
                    "cni-renouvellement", "rdv-biometrie", SLOT_START, SLOT_END, "citizen-request"),
            new AppointmentReminderDue(BOOKING, JOURNEY, AT, "fs-aubervilliers", "fs-aubervilliers-g1", "cni-biometrie",
                    "cni-renouvellement", "rdv-biometrie", SLOT_START, SLOT_END, "h48"),
            new AppointmentCheckedIn(BOOKING, JOURNEY, AT, "fs-aubervilliers", "fs-aubervilliers-g1", "cni-biometrie",
                    "cni-renouvellement", "rdv-biometrie", SLOT_START, SLOT_END),
            new AppointmentNoShow(BOOKING, JOURNEY, AT, "fs-aubervilliers", "fs-aubervilliers-g1", "cni-biometrie",
                    "cni-renouvellement", "rdv-biometrie", SLOT_START, SLOT_END),
            new BookingAccessed(BOOKING, JOURNEY, AT, "fs-aubervilliers", "fs-aubervilliers-g1", "cni-biometrie",
                    "cni-renouvellement", "rdv-biometrie", SLOT_START, SLOT_END, PHONE_AGENT.subject(), "phone-agent",
                    "tel-national", BookingAccessed.RESCHEDULE, BookingAccessed.VERIFIED_CALL),

            new MediationCaseOpened(CASE, JOURNEY, AT, "friction-threshold", "high", "93", 13.5, 12.0, 1,
                    "cni-renouvellement", "formulaire", List.of("validation-error", "channel-ping-pong"),
                    AT.plusSeconds(4 * 3600), AT.plusSeconds(48 * 3600)),
            new MediationCaseClaimed(CASE, JOURNEY, AT, "00000000-0000-4000-8000-000000000007", "93", "high"),
            new MediationContactRecorded(CASE, JOURNEY, AT, "00000000-0000-4000-8000-000000000007", "reached", 1),
            new MediationCaseResolved(CASE, JOURNEY, AT, "00000000-0000-4000-8000-000000000007", "helped-online",
                    "93", "high", AT.minusSeconds(3600)),
            new MediationSlaAtRisk(CASE, JOURNEY, AT, "first-contact", "high", "93", AT.plusSeconds(2880)),
            new MediationSlaBreached(CASE, JOURNEY, AT, "first-contact", "urgent", "93", AT, 1),
            new NotificationSent(NOTIFICATION, JOURNEY, AT, "reminder-48h", "sms", BOOKING),
            new NotificationDelivered(NOTIFICATION, JOURNEY, AT, "reminder-48h", "sms", BOOKING),
            new NotificationFailed(NOTIFICATION, JOURNEY, AT, "journey-completed", "no-channel", null));

    private static final Map<Class<?>, Object> BY_CLASS =
            ALL.stream().collect(Collectors.toMap(Object::getClass, Function.identity()));

    private Samples() {
    }

    public static List<Object> all() {
        return ALL;
    }

    /** @throws AssertionError if no sample exists: every registered type must have one */
    public static Object of(Class<?> payloadClass) {
        Object sample = BY_CLASS.get(payloadClass);
        if (sample == null) {
            throw new AssertionError("no sample for " + payloadClass.getName() + ": add one to Samples");
        }
        return sample;
    }

    /** Readable fixed ids, so a failing assertion points at one sample. */
    private static UUID id(int n) {
        return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", n));
    }
}
