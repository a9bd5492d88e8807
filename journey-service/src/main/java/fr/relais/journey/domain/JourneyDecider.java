package fr.relais.journey.domain;

import fr.relais.events.channel.Channel;
import fr.relais.events.journey.Abandon;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.AidantMandateGranted;
import fr.relais.events.journey.AttachJourney;
import fr.relais.events.journey.GrantAidantMandate;
import fr.relais.events.journey.CallbackAttempted;
import fr.relais.events.journey.CallbackOutcomes;
import fr.relais.events.journey.CallbackRequested;
import fr.relais.events.journey.CallbackWindows;
import fr.relais.events.journey.CallerVerified;
import fr.relais.events.journey.JourneyAttached;
import fr.relais.events.journey.RecordCallbackAttempt;
import fr.relais.events.journey.RequestCallback;
import fr.relais.events.journey.Cancel;
import fr.relais.events.journey.ClaimJourney;
import fr.relais.events.journey.CommandOutcome.FieldError;
import fr.relais.events.journey.Deescalate;
import fr.relais.events.journey.Escalate;
import fr.relais.events.journey.GoBack;
import fr.relais.events.journey.GrantMandate;
import fr.relais.events.journey.HandoffReasons;
import fr.relais.events.journey.HandoffRequested;
import fr.relais.events.journey.JourneyAbandoned;
import fr.relais.events.journey.JourneyCancelled;
import fr.relais.events.journey.JourneyClaimed;
import fr.relais.events.journey.JourneyCommand;
import fr.relais.events.journey.JourneyCompleted;
import fr.relais.events.journey.JourneyDeescalated;
import fr.relais.events.journey.JourneyEscalated;
import fr.relais.events.journey.JourneyEvent;
import fr.relais.events.journey.JourneyReleased;
import fr.relais.events.journey.JourneyStarted;
import fr.relais.events.journey.MandateGranted;
import fr.relais.events.journey.MandateRevoked;
import fr.relais.events.journey.PresenceRecorded;
import fr.relais.events.journey.RecordPresence;
import fr.relais.events.journey.ReleaseJourney;
import fr.relais.events.journey.RequestHandoff;
import fr.relais.events.journey.RevokeMandate;
import fr.relais.events.journey.StartJourney;
import fr.relais.events.journey.StepCompleted;
import fr.relais.events.journey.SubmitStep;
import fr.relais.events.journey.VerifyCaller;
import fr.relais.events.journey.WentBack;
import fr.relais.journey.procedure.FieldDefinition;
import fr.relais.journey.procedure.ProcedureCatalog;
import fr.relais.journey.procedure.ProcedureDefinition;
import fr.relais.journey.procedure.StepDefinition;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongFunction;

/**
 * Decides whether a command may change a journey and, if so, which events it produces. Pure: no clock,
 * no I/O; {@code now} is the decision time. Produced events carry sequences {@code state.version + 1, + 2…},
 * {@code occurredAt = now} and {@code actor = command.actor()}. Apply them with {@link JourneyState#apply}.
 *
 * <h2>Who is who</h2>
 * <ul>
 *   <li><b>owner</b>: an actor with role {@code citizen} whose subject is the journey's citizen, on a human
 *       channel (portal, phone, desk);</li>
 *   <li><b>claimant</b>: the agent whose subject holds the journey's claim;</li>
 *   <li><b>system</b>: any actor on channel {@link Channel#SYSTEM} (a service: appointment-service, mediation-service);
 *       the gateway must never issue SYSTEM commands for a user;</li>
 *   <li><b>staff</b>: roles {@code counter-agent}, {@code phone-agent}, {@code mediator}; {@code ops} and
 *       {@code admin} may never act on a journey;</li>
 *   <li><b>mandate holder</b>: staff on phone or desk whose site has a mandate on this journey, for its procedure,
 *       unrevoked and unexpired at {@code now} (a mediator needs a {@code site} in the token to hold one).</li>
 * </ul>
 *
 * <h2>Rules, checked in this order</h2>
 * <ol>
 *   <li>StartJourney on an existing journey: {@code journey-exists}. Any other command on an unknown journey
 *       (null state): {@code unknown-journey}. Any command but AttachJourney on a COMPLETED, ABANDONED or CANCELLED
 *       journey: {@code journey-closed}.</li>
 *   <li><b>StartJourney</b>: a citizen on a human channel, a counter-agent on the desk with a known site
 *       ({@code site-required}, {@code unknown-site}) or a phone agent on the phone ({@code not-allowed}); an agent
 *       names the person ({@code person-required}); the procedure must exist ({@code unknown-procedure}); pins the
 *       catalog's current version. Online, the journey belongs to the citizen's subject; started by an agent, it
 *       belongs to no account (until AttachJourney) and the agent holds it at once: JourneyClaimed, then
 *       PresenceRecorded at the agent's site (source {@value #DESK_START}) or CallerVerified for the time box.</li>
 *   <li><b>AttachJourney</b>: a citizen on the portal ({@code not-allowed}); the journey must belong to no account
 *       ({@code already-attached}; her own: accepted, no events). The caller proved it is hers before (resume code
 *       and check value): JourneyAttached, she owns it from now on.</li>
 *   <li><b>RequestCallback</b>: the owner, the claimant or the system ({@code not-allowed}); not while a call back
 *       waits ({@code callback-pending}) or a handoff is pending ({@code wrong-status}); a reason of
 *       {@link HandoffReasons} ({@code unknown-reason}); windows from {@link CallbackWindows}, at least one
 *       ({@code unknown-window}). Accepted: HandoffRequested to the phone, then CallbackRequested due at the first
 *       window to come ({@link CallbackSchedule}).</li>
 *   <li><b>RecordCallbackAttempt</b>: a phone agent on the phone ({@code not-allowed}); the waiting call back's id
 *       ({@code unknown-callback}); an outcome of {@link CallbackOutcomes} ({@code unknown-outcome}). Not reached:
 *       CallbackAttempted counting the failures (a wrong number closes the call back). Reached: a verification
 *       window as for VerifyCaller ({@code verification-window-invalid}), nobody else holding the journey
 *       ({@code already-claimed}); CallbackAttempted (closed), CallerVerified and JourneyClaimed on the phone.</li>
 *   <li><b>SubmitStep</b>, <b>GoBack</b> — who may work on the steps:
 *     <ul>
 *       <li>the owner, on the portal only ({@code channel-not-allowed} elsewhere), while no agent holds the
 *           journey and no handoff is pending, i.e. IN_PROGRESS, or ESCALATED without claim or handoff
 *           ({@code wrong-status});</li>
 *       <li>staff on phone or desk: if another agent holds the journey, {@code already-claimed}; if it waits
 *           unclaimed in a handoff queue, {@code wrong-status} (claim it first); then a mandate holder may;
 *           otherwise a counter-agent on the desk must hold the claim ({@code not-claimed}), a phone agent on
 *           the phone must have verified the caller, verification still running ({@code verification-required}),
 *           and a mediator needs a mandate ({@code mandate-required});</li>
 *       <li>anyone else: {@code not-allowed}.</li>
 *     </ul>
 *     SubmitStep then: the step must exist in the pinned version ({@code unknown-step}) and be the current step
 *     ({@code wrong-step}); the actor's channel must be one of the step's ({@code channel-not-allowed}); a
 *     presence step needs the desk and the citizen checked in today at the agent's site
 *     ({@code presence-required}); the answers must pass {@link FieldValidator} ({@code field-invalid}, every
 *     bad field named). Accepted: StepCompleted (field names only, never values), and JourneyCompleted after
 *     the last step. The appointment flag is not enforced here: the appointment check-in is what records
 *     the presence.
 *     GoBack then: the target step must exist ({@code unknown-step}) and be completed ({@code wrong-step});
 *     accepted: WentBack, the target becomes current and it and later steps are no longer completed.</li>
 *   <li><b>RequestHandoff</b>: the owner, the claimant or the system ({@code not-allowed}); not while a handoff
 *       is already pending ({@code wrong-status}); target desk or phone ({@code channel-not-allowed}); a desk
 *       handoff needs a site ({@code site-required}); a site, when given, must be a known site
 *       ({@code unknown-site}); the reason must be one of {@link HandoffReasons} ({@code unknown-reason}). The previous claim is released; the journey waits
 *       (HANDOFF_PENDING, or still ESCALATED while a case is open).</li>
 *   <li><b>ClaimJourney</b>: the claimant claiming again is accepted with no events. Otherwise the actor must have
 *       a reason: a counter-agent on the desk with a site, where the desk handoff targets that site, or the
 *       citizen is checked in there today, or the site holds a mandate ({@code presence-required}); a phone
 *       agent on the phone with their own running caller verification or a mandate
 *       ({@code verification-required}); a mediator on phone or desk with a mandate ({@code mandate-required}):
 *       an open case alone is not enough, because only the mediators of the case's pool may see the journey
 *       and a command's {@link Actor} carries no pool to check; anyone else {@code not-allowed}. Then, if another agent holds it:
 *       {@code already-claimed}. Accepted: JourneyClaimed; the pending handoff is taken; status WITH_AGENT,
 *       or ESCALATED kept while a case is open (the claim returns as WITH_AGENT when the case closes).</li>
 *   <li><b>ReleaseJourney</b>: only the claimant ({@code not-claimed}); JourneyReleased resuming at the current
 *       step; back to IN_PROGRESS (ESCALATED if a case is open).</li>
 *   <li><b>RecordPresence</b>: the system, or a counter-agent on the desk of that very site ({@code not-allowed});
 *       blank site {@code site-required}. A presence counts for that site until the end of the day, Europe/Paris.</li>
 *   <li><b>VerifyCaller</b>: a phone agent on the phone ({@code not-allowed}); {@code verifiedUntil} after now and
 *       at most {@value #VERIFICATION_MINUTES} minutes ahead ({@code verification-window-invalid}).
 *       The verification is the agent's own: another agent must verify again.</li>
 *   <li><b>GrantMandate</b>: the owner ({@code not-allowed}); the scope must be the journey's procedure
 *       ({@code mandate-scope-invalid}) and a known site given ({@code site-required}, {@code unknown-site}); expiry = now + the menu
 *       duration; mandate id = {@link #mandateIdFor(UUID)} of the command id, so a replay is stable (a replay
 *       of an already granted mandate is accepted with no events). <b>RevokeMandate</b>: the owner
 *       ({@code not-allowed}); an unknown or already revoked mandate is {@code unknown-mandate} (an expired
 *       one may still be revoked).</li>
 *   <li><b>GrantAidantMandate</b>: the owner, or the counter agent holding the journey at her desk ({@code not-allowed});
 *       not to the owner herself ({@code mandate-scope-invalid}); covers this journey until now + the menu duration;
 *       mandate id as for GrantMandate. The aidant then works on the steps online as the owner would (same status
 *       rules); his events carry his subject, so the timeline and access log show "by the aidant for the citizen".
 *       RevokeMandate of an aidant's mandate: the owner, or the counter agent holding the journey.</li>
 *   <li><b>Escalate</b>: the system only ({@code not-allowed}); the same case again: accepted, no events; another
 *       case while one is open: {@code already-escalated}. The case's pool is kept with the escalation. <b>Deescalate</b>: the system only; no open case:
 *       {@code not-escalated}; another case id: {@code case-mismatch}; the journey returns to the status it
 *       would have without the case (WITH_AGENT if the claim still stands, HANDOFF_PENDING if a handoff still
 *       waits, else IN_PROGRESS).</li>
 *   <li><b>Abandon</b>: the owner or the system; <b>Cancel</b>: the owner only ({@code not-allowed}). Both are
 *       terminal and clear the claim and the pending handoff.</li>
 * </ol>
 */
public final class JourneyDecider {

    /** The source of the presence recorded when a counter agent starts a journey with the citizen at the desk. */
    public static final String DESK_START = "desk-start";

    /** The longest a caller verification may run. */
    public static final long VERIFICATION_MINUTES = 30;
    private static final Duration VERIFICATION_TIME_BOX = Duration.ofMinutes(VERIFICATION_MINUTES);

    private final ProcedureCatalog catalog;
    private final Set<String> knownSites;
    private final FieldValidator validator = new FieldValidator();

    /**
     * @param knownSites the sites a handoff or a mandate may name; anything else is refused, so no free text
     *                   reaches {@code journey.events} through a site field
     */
    public JourneyDecider(ProcedureCatalog catalog, Set<String> knownSites) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.knownSites = Set.copyOf(Objects.requireNonNull(knownSites, "knownSites"));
    }

    /** The id of the mandate a GrantMandate command creates: stable across replays of the same command. */
    public static UUID mandateIdFor(UUID commandId) {
        return UUID.nameUUIDFromBytes(("relais-mandate:" + commandId).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param state   the journey, null when it does not exist yet
     * @param answers the opened {@code SealedAnswers} of a SubmitStep (empty map, or null, otherwise)
     * @param now     the decision time
     */
    public Decision decide(JourneyCommand command, JourneyState state, Map<String, String> answers, Instant now) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(now, "now");
        if (command instanceof StartJourney start) {
            return state != null
                    ? reject(RejectionReasons.JOURNEY_EXISTS, "journey already exists")
                    : start(start, now);
        }
        if (state == null) {
            return reject(RejectionReasons.UNKNOWN_JOURNEY, "no journey " + command.journeyId());
        }
        if (!state.journeyId().equals(command.journeyId())) {
            throw new IllegalArgumentException("command for journey " + command.journeyId()
                    + " decided against journey " + state.journeyId());
        }
        // an ended journey changes no more, except its owner: a citizen may take a journey finished at a desk as hers
        if (state.isTerminal() && !(command instanceof AttachJourney)) {
            return reject(RejectionReasons.JOURNEY_CLOSED, "journey is " + state.status());
        }
        Context c = new Context(command, state, now);
        if (command instanceof SubmitStep submit) {
            return submit(c, submit, answers == null ? Map.of() : answers);
        } else if (command instanceof GoBack goBack) {
            return goBack(c, goBack);
        } else if (command instanceof RequestHandoff handoff) {
            return requestHandoff(c, handoff);
        } else if (command instanceof ClaimJourney) {
            return claim(c);
        } else if (command instanceof ReleaseJourney) {
            return release(c);
        } else if (command instanceof RecordPresence presence) {
            return recordPresence(c, presence);
        } else if (command instanceof VerifyCaller verify) {
            return verifyCaller(c, verify);
        } else if (command instanceof GrantMandate grant) {
            return grantMandate(c, grant);
        } else if (command instanceof GrantAidantMandate grant) {
            return grantAidantMandate(c, grant);
        } else if (command instanceof RevokeMandate revoke) {
            return revokeMandate(c, revoke);
        } else if (command instanceof Escalate escalate) {
            return escalate(c, escalate);
        } else if (command instanceof Deescalate deescalate) {
            return deescalate(c, deescalate);
        } else if (command instanceof Abandon abandon) {
            return c.isOwner() || c.isSystem()
                    ? c.accept(seq -> new JourneyAbandoned(c.id(), seq, now, c.actor, abandon.reasonCode()))
                    : reject(RejectionReasons.NOT_ALLOWED, "only the citizen or the system may abandon");
        } else if (command instanceof AttachJourney) {
            return attach(c);
        } else if (command instanceof RequestCallback request) {
            return requestCallback(c, request);
        } else if (command instanceof RecordCallbackAttempt attempt) {
            return recordCallbackAttempt(c, attempt);
        } else if (command instanceof Cancel cancel) {
            return c.isOwner()
                    ? c.accept(seq -> new JourneyCancelled(c.id(), seq, now, c.actor, cancel.reasonCode()))
                    : reject(RejectionReasons.NOT_ALLOWED, "only the citizen may cancel");
        }
        throw new IllegalArgumentException("unhandled command " + command.getClass().getName());
    }

    private Decision start(StartJourney command, Instant now) {
        Actor actor = command.actor();
        boolean deskAgent = actor.roles().contains(Roles.COUNTER_AGENT) && actor.channel() == Channel.DESK;
        boolean phoneAgent = actor.roles().contains(Roles.PHONE_AGENT) && actor.channel() == Channel.PHONE;
        boolean citizenOnline = !deskAgent && !phoneAgent && actor.roles().contains(Roles.CITIZEN)
                && actor.channel() != Channel.SYSTEM;
        if (!citizenOnline && !deskAgent && !phoneAgent) {
            return reject(RejectionReasons.NOT_ALLOWED,
                    "a citizen starts her journey online; a counter agent at the desk or a phone agent on the phone for her");
        }
        if (deskAgent && isBlank(actor.site())) {
            return reject(RejectionReasons.SITE_REQUIRED, "a desk agent without a site");
        }
        if (deskAgent && !knownSites.contains(actor.site())) {
            return reject(RejectionReasons.UNKNOWN_SITE, "not a known site");
        }
        if (!citizenOnline && command.personId() == null) {
            return reject(RejectionReasons.PERSON_REQUIRED, "an agent starts a journey for a person: personId is required");
        }
        // a citizen online owns her journey through her account; a person id from her would be unverified
        UUID personId = citizenOnline ? null : command.personId();
        return catalog.current(command.procedureId())
                .<Decision>map(definition -> {
                    List<JourneyEvent> events = new ArrayList<>();
                    events.add(new JourneyStarted(command.journeyId(), 1, now, actor, definition.id(),
                            definition.version(), definition.first().id(), personId));
                    if (!citizenOnline) {
                        // the agent who starts it holds it, on that channel, as if claimed after a check-in or a verified call
                        events.add(new JourneyClaimed(command.journeyId(), 2, now, actor, actor.channel(), actor.site()));
                        events.add(deskAgent
                                ? new PresenceRecorded(command.journeyId(), 3, now, actor, actor.site(), DESK_START)
                                : new CallerVerified(command.journeyId(), 3, now, actor, now.plus(VERIFICATION_TIME_BOX)));
                    }
                    return new Decision.Accepted(events);
                })
                .orElseGet(() -> reject(RejectionReasons.UNKNOWN_PROCEDURE,
                        "unknown procedure '" + command.procedureId() + "'"));
    }

    private Decision attach(Context c) {
        Actor a = c.actor;
        if (!a.roles().contains(Roles.CITIZEN) || a.channel() != Channel.PORTAL) {
            return reject(RejectionReasons.NOT_ALLOWED, "a citizen attaches a journey to her account online");
        }
        if (a.subject().equals(c.state.citizenSubject())) {
            return new Decision.Accepted(List.of());
        }
        if (c.state.citizenSubject() != null) {
            return reject(RejectionReasons.ALREADY_ATTACHED, "the journey already belongs to an account");
        }
        return c.accept(seq -> new JourneyAttached(c.id(), seq, c.now, a));
    }

    private Decision requestCallback(Context c, RequestCallback command) {
        if (!c.isOwner() && !c.isClaimant() && !c.isSystem()) {
            return reject(RejectionReasons.NOT_ALLOWED, "only the citizen, the agent holding it or the system");
        }
        if (c.state.callback() != null) {
            return reject(RejectionReasons.CALLBACK_PENDING, "a call back is already waiting");
        }
        if (c.state.isAwaitingHandoff()) {
            return reject(RejectionReasons.WRONG_STATUS, "a handoff is already pending");
        }
        if (!HandoffReasons.isKnown(command.reasonCode())) {
            return reject(RejectionReasons.UNKNOWN_REASON, "the call back reason is not one of " + HandoffReasons.all());
        }
        if (command.windows().isEmpty() || !command.windows().stream().allMatch(CallbackWindows::isKnown)) {
            return reject(RejectionReasons.UNKNOWN_WINDOW, "windows: one or more of "
                    + CallbackWindows.all().stream().map(CallbackWindows.Window::code).toList());
        }
        CallbackSchedule.Due due = CallbackSchedule.firstDue(command.windows(), c.now);
        return c.accept(
                seq -> new HandoffRequested(c.id(), seq, c.now, c.actor, Channel.PHONE, null, command.reasonCode()),
                seq -> new CallbackRequested(c.id(), seq, c.now, c.actor, command.callbackId(), command.reasonCode(),
                        command.windows(), due.from(), due.until()));
    }

    private Decision recordCallbackAttempt(Context c, RecordCallbackAttempt command) {
        Actor a = c.actor;
        if (!a.roles().contains(Roles.PHONE_AGENT) || a.channel() != Channel.PHONE) {
            return reject(RejectionReasons.NOT_ALLOWED, "only a phone agent on the phone calls back");
        }
        Callback callback = c.state.callback();
        if (callback == null || !callback.callbackId().equals(command.callbackId())) {
            return reject(RejectionReasons.UNKNOWN_CALLBACK, "no such call back waits on this journey");
        }
        if (!CallbackOutcomes.isKnown(command.outcome())) {
            return reject(RejectionReasons.UNKNOWN_OUTCOME, "outcome: one of " + CallbackOutcomes.all());
        }
        boolean reached = command.outcome().equals(CallbackOutcomes.REACHED);
        int failed = reached ? callback.failedAttempts() : callback.failedAttempts() + 1;
        boolean closed = reached || command.outcome().equals(CallbackOutcomes.WRONG_NUMBER);
        if (!reached) {
            return c.accept(seq -> new CallbackAttempted(c.id(), seq, c.now, a, callback.callbackId(), command.outcome(),
                    failed, closed));
        }
        Instant until = command.verifiedUntil();
        if (until == null || !until.isAfter(c.now) || until.isAfter(c.now.plus(VERIFICATION_TIME_BOX))) {
            return reject(RejectionReasons.VERIFICATION_WINDOW_INVALID,
                    "a reached call back gives a verifiedUntil after now and at most " + VERIFICATION_MINUTES + " minutes ahead");
        }
        if (c.state.claim() != null && !c.state.isClaimedBy(a.subject())) {
            return reject(RejectionReasons.ALREADY_CLAIMED, "another agent holds the journey");
        }
        // reached: the agent talks to the citizen now, as on a verified inbound call, and takes the journey
        return c.accept(
                seq -> new CallbackAttempted(c.id(), seq, c.now, a, callback.callbackId(), command.outcome(), failed, true),
                seq -> new CallerVerified(c.id(), seq, c.now, a, until),
                seq -> new JourneyClaimed(c.id(), seq, c.now, a, Channel.PHONE, a.site()));
    }

    private Decision submit(Context c, SubmitStep command, Map<String, String> answers) {
        ProcedureDefinition definition = definition(c.state);
        if (definition == null) {
            return unknownPinnedVersion(c.state);
        }
        Decision.Rejected denied = mayWorkOnSteps(c);
        if (denied != null) {
            return denied;
        }
        StepDefinition step = definition.step(command.stepId());
        if (step == null) {
            return reject(RejectionReasons.UNKNOWN_STEP, "no step '" + command.stepId() + "' in "
                    + definition.id() + " v" + definition.version());
        }
        if (!step.id().equals(c.state.currentStepId())) {
            return reject(RejectionReasons.WRONG_STEP, "step '" + step.id() + "' is not the current step '"
                    + c.state.currentStepId() + "'");
        }
        if (!step.allows(c.actor.channel())) {
            return reject(RejectionReasons.CHANNEL_NOT_ALLOWED, "step '" + step.id() + "' is not done on "
                    + c.actor.channel().wire());
        }
        if (step.presenceRequired()
                && (c.actor.channel() != Channel.DESK || !c.state.isPresentAt(c.actor.site(), c.now))) {
            return reject(RejectionReasons.PRESENCE_REQUIRED, "step '" + step.id()
                    + "' needs the citizen checked in today at the agent's site");
        }
        List<FieldError> errors = validator.validate(step, answers, LocalDate.ofInstant(c.now, Presence.ZONE));
        if (!errors.isEmpty()) {
            return new Decision.Rejected(RejectionReasons.FIELD_INVALID, errors.size() + " invalid field(s) in step '"
                    + step.id() + "'", errors);
        }
        List<String> fieldNames = new ArrayList<>();
        for (FieldDefinition field : step.fields()) {
            String value = answers.get(field.name());
            if (value != null && !value.isBlank()) {
                fieldNames.add(field.name());
            }
        }
        String next = definition.after(step.id()).map(StepDefinition::id).orElse(null);
        if (next != null) {
            return c.accept(seq -> new StepCompleted(c.id(), seq, c.now, c.actor, step.id(), next, fieldNames));
        }
        return c.accept(seq -> new StepCompleted(c.id(), seq, c.now, c.actor, step.id(), null, fieldNames),
                seq -> new JourneyCompleted(c.id(), seq, c.now, c.actor));
    }

    private Decision goBack(Context c, GoBack command) {
        ProcedureDefinition definition = definition(c.state);
        if (definition == null) {
            return unknownPinnedVersion(c.state);
        }
        Decision.Rejected denied = mayWorkOnSteps(c);
        if (denied != null) {
            return denied;
        }
        if (definition.step(command.toStepId()) == null) {
            return reject(RejectionReasons.UNKNOWN_STEP, "no step '" + command.toStepId() + "' in "
                    + definition.id() + " v" + definition.version());
        }
        if (!c.state.completedSteps().contains(command.toStepId())) {
            return reject(RejectionReasons.WRONG_STEP, "step '" + command.toStepId() + "' is not completed");
        }
        return c.accept(seq -> new WentBack(c.id(), seq, c.now, c.actor, c.state.currentStepId(),
                command.toStepId()));
    }

    /** Who may submit a step or go back; null when allowed. */
    private Decision.Rejected mayWorkOnSteps(Context c) {
        JourneyState s = c.state;
        if (c.isOwner() || c.isAidant()) {
            if (c.actor.channel() != Channel.PORTAL) {
                return reject(RejectionReasons.CHANNEL_NOT_ALLOWED,
                        "a citizen works on the steps on the portal; on phone or desk an agent does");
            }
            if (!s.citizenMayAct()) {
                return reject(RejectionReasons.WRONG_STATUS,
                        s.claim() != null ? "an agent holds the journey" : "the journey waits for an agent");
            }
            return null;
        }
        if (!c.isStaffOnPhoneOrDesk()) {
            return reject(RejectionReasons.NOT_ALLOWED, "not the citizen, nor staff on phone or desk");
        }
        if (s.claim() != null && !s.isClaimedBy(c.actor.subject())) {
            return reject(RejectionReasons.ALREADY_CLAIMED, "another agent holds the journey");
        }
        if (s.isAwaitingHandoff()) {
            return reject(RejectionReasons.WRONG_STATUS, "the journey waits in a handoff queue: claim it first");
        }
        if (c.hasMandate()) {
            return null;
        }
        Actor a = c.actor;
        if (a.roles().contains(Roles.COUNTER_AGENT) && a.channel() == Channel.DESK) {
            return s.isClaimedBy(a.subject()) ? null
                    : reject(RejectionReasons.NOT_CLAIMED, "a desk agent must claim the journey first");
        }
        if (a.roles().contains(Roles.PHONE_AGENT) && a.channel() == Channel.PHONE) {
            return s.isCallerVerifiedBy(a.subject(), c.now) ? null
                    : reject(RejectionReasons.VERIFICATION_REQUIRED, "the caller is not verified by this agent");
        }
        if (a.roles().contains(Roles.MEDIATOR)) {
            return reject(RejectionReasons.MANDATE_REQUIRED, "a mediator acts on the steps under a mandate only");
        }
        return reject(RejectionReasons.NOT_ALLOWED, "this role may not act on this channel");
    }

    private Decision requestHandoff(Context c, RequestHandoff command) {
        if (!c.isOwner() && !c.isClaimant() && !c.isSystem()) {
            return reject(RejectionReasons.NOT_ALLOWED, "only the citizen, the agent holding it or the system");
        }
        if (c.state.isAwaitingHandoff()) {
            return reject(RejectionReasons.WRONG_STATUS, "a handoff is already pending");
        }
        Channel target = command.targetChannel();
        if (target != Channel.DESK && target != Channel.PHONE) {
            return reject(RejectionReasons.CHANNEL_NOT_ALLOWED, "a handoff goes to the desk or the phone, not "
                    + target.wire());
        }
        if (target == Channel.DESK && isBlank(command.site())) {
            return reject(RejectionReasons.SITE_REQUIRED, "a desk handoff names its site");
        }
        String site = isBlank(command.site()) ? null : command.site();
        if (site != null && !knownSites.contains(site)) {
            return reject(RejectionReasons.UNKNOWN_SITE, "not a known site");
        }
        if (!HandoffReasons.isKnown(command.reasonCode())) {
            return reject(RejectionReasons.UNKNOWN_REASON, "the handoff reason is not one of " + HandoffReasons.all());
        }
        return c.accept(seq -> new HandoffRequested(c.id(), seq, c.now, c.actor, target, site,
                command.reasonCode()));
    }

    private Decision claim(Context c) {
        JourneyState s = c.state;
        Actor a = c.actor;
        if (s.isClaimedBy(a.subject()) && a.channel() != Channel.SYSTEM) {
            return new Decision.Accepted(List.of());
        }
        Decision.Rejected denied = mayClaim(c);
        if (denied != null) {
            return denied;
        }
        if (s.claim() != null) {
            return reject(RejectionReasons.ALREADY_CLAIMED, "another agent holds the journey");
        }
        return c.accept(seq -> new JourneyClaimed(c.id(), seq, c.now, a, a.channel(), a.site()));
    }

    private Decision.Rejected mayClaim(Context c) {
        JourneyState s = c.state;
        Actor a = c.actor;
        if (a.roles().contains(Roles.COUNTER_AGENT) && a.channel() == Channel.DESK) {
            if (isBlank(a.site())) {
                return reject(RejectionReasons.SITE_REQUIRED, "a desk agent without a site");
            }
            boolean handoffHere = s.handoff() != null && s.handoff().targetChannel() == Channel.DESK
                    && a.site().equals(s.handoff().site());
            return handoffHere || s.isPresentAt(a.site(), c.now) || c.hasMandate() ? null
                    : reject(RejectionReasons.PRESENCE_REQUIRED,
                    "no handoff to this site, no presence recorded here today, no mandate");
        }
        if (a.roles().contains(Roles.PHONE_AGENT) && a.channel() == Channel.PHONE) {
            return s.isCallerVerifiedBy(a.subject(), c.now) || c.hasMandate() ? null
                    : reject(RejectionReasons.VERIFICATION_REQUIRED, "the caller is not verified by this agent");
        }
        if (a.roles().contains(Roles.MEDIATOR) && (a.channel() == Channel.PHONE || a.channel() == Channel.DESK)) {
            // An escalation is no reason here: it names the case's pool, a command's actor carries none to match
            return c.hasMandate() ? null
                    : reject(RejectionReasons.MANDATE_REQUIRED, "a mediator claims a journey under a mandate only");
        }
        return reject(RejectionReasons.NOT_ALLOWED, "this role may not claim on this channel");
    }

    private Decision release(Context c) {
        if (!c.isClaimant()) {
            return reject(RejectionReasons.NOT_CLAIMED, "only the agent holding the journey may release it");
        }
        return c.accept(seq -> new JourneyReleased(c.id(), seq, c.now, c.actor, c.state.currentStepId()));
    }

    private Decision recordPresence(Context c, RecordPresence command) {
        Actor a = c.actor;
        boolean agentHere = a.roles().contains(Roles.COUNTER_AGENT) && a.channel() == Channel.DESK
                && command.site().equals(a.site());
        if (!c.isSystem() && !agentHere) {
            return reject(RejectionReasons.NOT_ALLOWED, "presence is recorded by the site's desk agent or check-in");
        }
        if (isBlank(command.site())) {
            return reject(RejectionReasons.SITE_REQUIRED, "presence needs a site");
        }
        return c.accept(seq -> new PresenceRecorded(c.id(), seq, c.now, a, command.site(), command.source()));
    }

    private Decision verifyCaller(Context c, VerifyCaller command) {
        Actor a = c.actor;
        if (!a.roles().contains(Roles.PHONE_AGENT) || a.channel() != Channel.PHONE) {
            return reject(RejectionReasons.NOT_ALLOWED, "only a phone agent on the phone verifies a caller");
        }
        Instant until = command.verifiedUntil();
        if (!until.isAfter(c.now) || until.isAfter(c.now.plus(VERIFICATION_TIME_BOX))) {
            return reject(RejectionReasons.VERIFICATION_WINDOW_INVALID,
                    "verifiedUntil must be after now and at most " + VERIFICATION_MINUTES + " minutes ahead");
        }
        return c.accept(seq -> new CallerVerified(c.id(), seq, c.now, a, until));
    }

    private Decision grantMandate(Context c, GrantMandate command) {
        if (!c.isOwner()) {
            return reject(RejectionReasons.NOT_ALLOWED, "only the citizen grants a mandate");
        }
        if (!command.procedureId().equals(c.state.procedureId())) {
            return reject(RejectionReasons.MANDATE_SCOPE_INVALID, "a mandate on this journey covers its procedure '"
                    + c.state.procedureId() + "'");
        }
        if (isBlank(command.site())) {
            return reject(RejectionReasons.SITE_REQUIRED, "a mandate names a site");
        }
        if (!knownSites.contains(command.site())) {
            return reject(RejectionReasons.UNKNOWN_SITE, "not a known site");
        }
        UUID mandateId = mandateIdFor(command.commandId());
        if (c.state.mandate(mandateId).isPresent()) {
            return new Decision.Accepted(List.of());
        }
        return c.accept(seq -> new MandateGranted(c.id(), seq, c.now, c.actor, mandateId, command.site(),
                command.procedureId(), command.duration().expiresAt(c.now)));
    }

    private Decision grantAidantMandate(Context c, GrantAidantMandate command) {
        if (!c.isOwner() && !c.isClaimingDeskAgent()) {
            return reject(RejectionReasons.NOT_ALLOWED,
                    "the citizen names her aidant online, or at the desk through the agent holding her journey");
        }
        if (command.aidantSubject().equals(c.state.citizenSubject())) {
            return reject(RejectionReasons.MANDATE_SCOPE_INVALID, "the citizen cannot be her own aidant");
        }
        UUID mandateId = mandateIdFor(command.commandId());
        if (c.state.mandate(mandateId).isPresent()) {
            return new Decision.Accepted(List.of());
        }
        return c.accept(seq -> new AidantMandateGranted(c.id(), seq, c.now, c.actor, mandateId, command.aidantSubject(),
                command.aidantPersonId(), c.state.procedureId(), command.duration().expiresAt(c.now)));
    }

    private Decision revokeMandate(Context c, RevokeMandate command) {
        boolean aidantMandate = c.state.mandate(command.mandateId()).map(Mandate::isAidant).orElse(false);
        if (!c.isOwner() && !(aidantMandate && c.isClaimingDeskAgent())) {
            return reject(RejectionReasons.NOT_ALLOWED, "only the citizen revokes a mandate (an aidant's also at the desk)");
        }
        boolean revocable = c.state.mandate(command.mandateId()).map(m -> !m.revoked()).orElse(false);
        if (!revocable) {
            return reject(RejectionReasons.UNKNOWN_MANDATE, "no active mandate " + command.mandateId());
        }
        return c.accept(seq -> new MandateRevoked(c.id(), seq, c.now, c.actor, command.mandateId()));
    }

    private Decision escalate(Context c, Escalate command) {
        if (!c.isSystem()) {
            return reject(RejectionReasons.NOT_ALLOWED, "only mediation-service escalates");
        }
        Escalation open = c.state.escalation();
        if (open != null) {
            return open.caseId().equals(command.caseId()) ? new Decision.Accepted(List.of())
                    : reject(RejectionReasons.ALREADY_ESCALATED, "case " + open.caseId() + " is already open");
        }
        return c.accept(seq -> new JourneyEscalated(c.id(), seq, c.now, c.actor, command.caseId(),
                command.reasonCode(), command.pool()));
    }

    private Decision deescalate(Context c, Deescalate command) {
        if (!c.isSystem()) {
            return reject(RejectionReasons.NOT_ALLOWED, "only mediation-service de-escalates");
        }
        Escalation open = c.state.escalation();
        if (open == null) {
            return reject(RejectionReasons.NOT_ESCALATED, "no mediation case is open");
        }
        if (!open.caseId().equals(command.caseId())) {
            return reject(RejectionReasons.CASE_MISMATCH, "the open case is " + open.caseId());
        }
        return c.accept(seq -> new JourneyDeescalated(c.id(), seq, c.now, c.actor, command.caseId(),
                command.outcome()));
    }

    private ProcedureDefinition definition(JourneyState state) {
        return catalog.version(state.procedureId(), state.procedureVersion()).orElse(null);
    }

    private static Decision unknownPinnedVersion(JourneyState state) {
        return reject(RejectionReasons.UNKNOWN_PROCEDURE, "pinned procedure " + state.procedureId() + " v"
                + state.procedureVersion() + " is not loaded");
    }

    private static Decision.Rejected reject(String reason, String detail) {
        return new Decision.Rejected(reason, detail, List.of());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    /** One decision's inputs and the questions every rule asks about them. */
    private static final class Context {
        final JourneyCommand command;
        final JourneyState state;
        final Actor actor;
        final Instant now;

        Context(JourneyCommand command, JourneyState state, Instant now) {
            this.command = command;
            this.state = state;
            this.actor = command.actor();
            this.now = now;
        }

        UUID id() {
            return state.journeyId();
        }

        boolean isSystem() {
            return actor.channel() == Channel.SYSTEM;
        }

        boolean isOwner() {
            return !isSystem() && actor.roles().contains(Roles.CITIZEN)
                    && actor.subject().equals(state.citizenSubject());
        }

        boolean isClaimant() {
            return !isSystem() && state.isClaimedBy(actor.subject());
        }

        boolean isStaffOnPhoneOrDesk() {
            boolean staff = actor.roles().contains(Roles.COUNTER_AGENT) || actor.roles().contains(Roles.PHONE_AGENT)
                    || actor.roles().contains(Roles.MEDIATOR);
            return staff && (actor.channel() == Channel.PHONE || actor.channel() == Channel.DESK);
        }

        /** A citizen acting for the owner under a running aidant mandate, online. */
        boolean isAidant() {
            return !isSystem() && actor.channel() == Channel.PORTAL && actor.roles().contains(Roles.CITIZEN)
                    && !actor.subject().equals(state.citizenSubject())
                    && state.validAidantMandateFor(actor.subject(), now).isPresent();
        }

        /** The counter agent holding the journey at her desk (the citizen in front of her). */
        boolean isClaimingDeskAgent() {
            return actor.roles().contains(Roles.COUNTER_AGENT) && actor.channel() == Channel.DESK && isClaimant();
        }

        boolean hasMandate() {
            return isStaffOnPhoneOrDesk() && !isBlank(actor.site())
                    && state.validMandateFor(actor.site(), now).isPresent();
        }

        @SafeVarargs
        final Decision accept(LongFunction<? extends JourneyEvent>... events) {
            List<JourneyEvent> out = new ArrayList<>();
            long sequence = state.version();
            for (LongFunction<? extends JourneyEvent> event : events) {
                out.add(event.apply(++sequence));
            }
            return new Decision.Accepted(out);
        }
    }
}
