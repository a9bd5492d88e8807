package fr.relais.events;

import fr.relais.events.appointment.*;
import fr.relais.events.channel.Touchpoint;
import fr.relais.events.journey.*;
import fr.relais.events.mediation.*;
import fr.relais.events.notification.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The registry of every payload that travels on Kafka: class to CloudEvents {@code type} and back.
 * A consumer reads {@code ce_type}, asks {@link #find(String)} for the class, and deserializes the
 * data with {@link ContractJson#mapper()}; an unknown type is not an error to crash on but a record
 * for the dead-letter topic (or to skip, if the consumer does not care about that type).
 */
public final class Contracts {

    /** {@code relais.<area>.<kebab-name>.v<n>}; the name may have a qualifier, as in {@code command.submit-step}. */
    public static final Pattern TYPE_PATTERN =
            Pattern.compile("^relais(\\.[a-z][a-z0-9]*(-[a-z0-9]+)*){2,3}\\.v[1-9][0-9]*$");

    private static final List<Contract> ALL = List.of(
            command(StartJourney.class, "start-journey"),
            command(SubmitStep.class, "submit-step"),
            command(GoBack.class, "go-back"),
            command(RequestHandoff.class, "request-handoff"),
            command(ClaimJourney.class, "claim-journey"),
            command(ReleaseJourney.class, "release-journey"),
            command(RecordPresence.class, "record-presence"),
            command(VerifyCaller.class, "verify-caller"),
            command(GrantMandate.class, "grant-mandate"),
            command(RevokeMandate.class, "revoke-mandate"),
            command(Escalate.class, "escalate"),
            command(Deescalate.class, "deescalate"),
            command(Abandon.class, "abandon"),
            command(Cancel.class, "cancel"),
            command(AttachJourney.class, "attach-journey"),
            command(RequestCallback.class, "request-callback"),
            command(RecordCallbackAttempt.class, "record-callback-attempt"),
            command(GrantAidantMandate.class, "grant-aidant-mandate"),

            new Contract(CommandOutcome.class, "relais.journey.command-outcome.v1", Topics.JOURNEY_OUTCOMES),

            event(JourneyStarted.class, "journey-started"),
            event(StepCompleted.class, "step-completed"),
            event(WentBack.class, "went-back"),
            event(HandoffRequested.class, "handoff-requested"),
            event(JourneyClaimed.class, "journey-claimed"),
            event(JourneyReleased.class, "journey-released"),
            event(PresenceRecorded.class, "presence-recorded"),
            event(CallerVerified.class, "caller-verified"),
            event(MandateGranted.class, "mandate-granted"),
            event(MandateRevoked.class, "mandate-revoked"),
            event(JourneyEscalated.class, "journey-escalated"),
            event(JourneyDeescalated.class, "journey-deescalated"),
            event(JourneyCompleted.class, "journey-completed"),
            event(JourneyAbandoned.class, "journey-abandoned"),
            event(JourneyCancelled.class, "journey-cancelled"),
            event(JourneyAttached.class, "journey-attached"),
            event(CallbackRequested.class, "callback-requested"),
            event(CallbackAttempted.class, "callback-attempted"),
            event(AidantMandateGranted.class, "aidant-mandate-granted"),

            new Contract(Touchpoint.class, "relais.channel.touchpoint.v1", Topics.CHANNEL_TOUCHPOINTS),

            appointment(AppointmentBooked.class, "booked"),
            appointment(AppointmentRescheduled.class, "rescheduled"),
            appointment(AppointmentCancelled.class, "cancelled"),
            appointment(AppointmentReminderDue.class, "reminder-due"),
            appointment(AppointmentCheckedIn.class, "checked-in"),
            appointment(AppointmentNoShow.class, "no-show"),
            appointment(BookingAccessed.class, "booking-accessed"),

            mediation(MediationCaseOpened.class, "case-opened"),
            mediation(MediationCaseClaimed.class, "case-claimed"),
            mediation(MediationContactRecorded.class, "contact-recorded"),
            mediation(MediationCaseResolved.class, "case-resolved"),
            mediation(MediationSlaAtRisk.class, "sla-at-risk"),
            mediation(MediationSlaBreached.class, "sla-breached"),

            notification(NotificationSent.class, "sent"),
            notification(NotificationDelivered.class, "delivered"),
            notification(NotificationFailed.class, "failed"));

    private static final Map<Class<?>, Contract> BY_CLASS = new LinkedHashMap<>();
    private static final Map<String, Contract> BY_TYPE = new LinkedHashMap<>();

    static {
        for (Contract contract : ALL) {
            // A duplicate would make one direction of the lookup silently wrong: refuse to load.
            if (BY_CLASS.put(contract.payloadClass(), contract) != null
                    || BY_TYPE.put(contract.type(), contract) != null) {
                throw new IllegalStateException("registered twice: " + contract);
            }
        }
    }

    private Contracts() {
    }

    public static List<Contract> all() {
        return ALL;
    }

    public static Optional<Contract> find(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    public static Optional<Contract> find(Class<?> payloadClass) {
        return Optional.ofNullable(BY_CLASS.get(payloadClass));
    }

    /** @throws IllegalArgumentException if {@code payloadClass} is not a registered payload */
    public static String typeOf(Class<?> payloadClass) {
        return find(payloadClass)
                .orElseThrow(() -> new IllegalArgumentException("not a registered payload: " + payloadClass.getName()))
                .type();
    }

    /** @throws IllegalArgumentException if {@code type} is not registered */
    public static Class<?> classOf(String type) {
        return find(type)
                .orElseThrow(() -> new IllegalArgumentException("unknown CloudEvents type: " + type))
                .payloadClass();
    }

    private static Contract command(Class<? extends JourneyCommand> payloadClass, String name) {
        return new Contract(payloadClass, "relais.journey.command." + name + ".v1", Topics.JOURNEY_COMMANDS);
    }

    private static Contract appointment(Class<? extends AppointmentEvent> payloadClass, String name) {
        return new Contract(payloadClass, "relais.appointment." + name + ".v1", Topics.APPOINTMENT_EVENTS);
    }

    private static Contract event(Class<? extends JourneyEvent> payloadClass, String name) {
        return new Contract(payloadClass, "relais.journey." + name + ".v1", Topics.JOURNEY_EVENTS);
    }

    private static Contract notification(Class<? extends NotificationEvent> payloadClass, String name) {
        return new Contract(payloadClass, "relais.notification." + name + ".v1", Topics.NOTIFICATION_EVENTS);
    }

    private static Contract mediation(Class<? extends MediationEvent> payloadClass, String name) {
        return new Contract(payloadClass, "relais.mediation." + name + ".v1", Topics.MEDIATION_EVENTS);
    }
}
