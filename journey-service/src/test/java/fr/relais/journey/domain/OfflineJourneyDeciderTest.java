package fr.relais.journey.domain;

import fr.relais.events.channel.Channel;
import fr.relais.events.journey.AttachJourney;
import fr.relais.events.journey.CallbackAttempted;
import fr.relais.events.journey.CallbackRequested;
import fr.relais.events.journey.CallerVerified;
import fr.relais.events.journey.HandoffRequested;
import fr.relais.events.journey.JourneyAttached;
import fr.relais.events.journey.JourneyClaimed;
import fr.relais.events.journey.JourneyEvent;
import fr.relais.events.journey.JourneyStarted;
import fr.relais.events.journey.JourneyStatus;
import fr.relais.events.journey.PresenceRecorded;
import fr.relais.events.journey.RecordCallbackAttempt;
import fr.relais.events.journey.RequestCallback;
import fr.relais.events.journey.StartJourney;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static fr.relais.journey.domain.Harness.CAMILLE;
import static fr.relais.journey.domain.Harness.GILLES;
import static fr.relais.journey.domain.Harness.MOHAMED;
import static fr.relais.journey.domain.Harness.PAUL;
import static fr.relais.journey.domain.Harness.PAULINE;
import static fr.relais.journey.domain.Harness.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Journeys of citizens who never go online: started by an agent for a person, attached later, called back. */
class OfflineJourneyDeciderTest {

    private static final String CNI = "cni-renouvellement";
    private static final UUID PERSON = UUID.fromString("3c8e7f6a-2b1d-4e5f-9a8b-7c6d5e4f3a2b");

    private static Harness startedBy(Harness h, fr.relais.events.journey.Actor agent) {
        h.accept(new StartJourney(h.id(), h.journeyId, agent, h.now, CNI, PERSON));
        return h;
    }

    @Nested
    class StartedByAnAgent {

        @Test
        void atTheDeskTheAgentHoldsItAndTheCitizenIsPresent() {
            Harness h = new Harness();
            List<JourneyEvent> events = h.accept(new StartJourney(h.id(), h.journeyId, GILLES, h.now, CNI, PERSON));
            assertEquals(PERSON, assertInstanceOf(JourneyStarted.class, events.get(0)).personId());
            assertInstanceOf(JourneyClaimed.class, events.get(1));
            assertEquals(JourneyDecider.DESK_START, assertInstanceOf(PresenceRecorded.class, events.get(2)).source());
            assertNull(h.state.citizenSubject(), "no account owns it");
            assertEquals(JourneyStatus.WITH_AGENT, h.state.status());
            assertTrue(h.state.isClaimedBy(GILLES.subject()));
            assertTrue(h.state.isPresentAt("fs-gueret", h.now));
            // the agent works on the steps at once, with the same validations as online
            h.submitCurrent(GILLES);
            assertEquals("formulaire", h.state.currentStepId());
        }

        @Test
        void onThePhoneTheCallIsVerifiedForTheTimeBox() {
            Harness h = startedBy(new Harness(), PAUL);
            assertTrue(h.state.isClaimedBy(PAUL.subject()));
            assertTrue(h.state.isCallerVerifiedBy(PAUL.subject(), h.now));
            assertEquals(h.now.plus(Duration.ofMinutes(JourneyDecider.VERIFICATION_MINUTES)),
                    h.state.callerVerification().until());
            h.submitCurrent(PAUL);
            h.advance(Duration.ofMinutes(31));
            h.reject(h.submit(PAUL, h.state.currentStepId()), h.valid(h.state.currentStepId()), RejectionReasons.VERIFICATION_REQUIRED);
        }

        @Test
        void anAgentNamesAPersonAndAKnownSite() {
            Harness h = new Harness();
            h.reject(new StartJourney(h.id(), h.journeyId, GILLES, h.now, CNI, null), RejectionReasons.PERSON_REQUIRED);
            var nowhere = new fr.relais.events.journey.Actor("sub-x", GILLES.roles(), "fs-atlantis", Channel.DESK);
            h.reject(new StartJourney(h.id(), h.journeyId, nowhere, h.now, CNI, PERSON), RejectionReasons.UNKNOWN_SITE);
            var siteless = new fr.relais.events.journey.Actor("sub-x", GILLES.roles(), null, Channel.DESK);
            h.reject(new StartJourney(h.id(), h.journeyId, siteless, h.now, CNI, PERSON), RejectionReasons.SITE_REQUIRED);
        }

        @Test
        void aCitizenOnlineCannotClaimAPersonForHerJourney() {
            Harness h = new Harness();
            List<JourneyEvent> events = h.accept(new StartJourney(h.id(), h.journeyId, CAMILLE, h.now, CNI, PERSON));
            assertEquals(1, events.size());
            assertNull(((JourneyStarted) events.get(0)).personId());
            assertEquals(CAMILLE.subject(), h.state.citizenSubject());
        }
    }

    @Nested
    class Attach {

        @Test
        void theCitizenTakesTheJourneyAndThenActsOnlineAsItsOwner() {
            Harness h = startedBy(new Harness(), GILLES);
            h.accept(h.release(GILLES));
            h.reject(h.submit(MOHAMED, "identite"), h.valid("identite"), RejectionReasons.NOT_ALLOWED);
            List<JourneyEvent> events = h.accept(new AttachJourney(h.id(), h.journeyId, MOHAMED, h.now));
            assertInstanceOf(JourneyAttached.class, events.get(0));
            assertEquals(MOHAMED.subject(), h.state.citizenSubject());
            h.submitCurrent(MOHAMED);
            // the same citizen again: nothing new; anyone else: it is taken
            assertEquals(List.of(), h.accept(new AttachJourney(h.id(), h.journeyId, MOHAMED, h.now)));
            h.reject(new AttachJourney(h.id(), h.journeyId, CAMILLE, h.now), RejectionReasons.ALREADY_ATTACHED);
        }

        @Test
        void aJourneyFinishedAtTheDeskIsAttachedAfterwards() {
            Harness h = startedBy(new Harness(), GILLES);
            h.accept(new fr.relais.events.journey.Abandon(h.id(), h.journeyId, Harness.MEDIATION, h.now, "inactivity"));
            assertTrue(h.state.isTerminal());
            h.accept(new AttachJourney(h.id(), h.journeyId, MOHAMED, h.now));
            assertEquals(MOHAMED.subject(), h.state.citizenSubject());
            assertEquals(JourneyStatus.ABANDONED, h.state.status());
            h.reject(h.submit(MOHAMED, "identite"), h.valid("identite"), RejectionReasons.JOURNEY_CLOSED);
        }

        @Test
        void onlyACitizenOnline() {
            Harness h = startedBy(new Harness(), GILLES);
            h.reject(new AttachJourney(h.id(), h.journeyId, GILLES, h.now), RejectionReasons.NOT_ALLOWED);
            h.reject(new AttachJourney(h.id(), h.journeyId, on(MOHAMED, Channel.PHONE), h.now), RejectionReasons.NOT_ALLOWED);
        }

        @Test
        void aJourneyStartedOnlineIsAlreadyOwned() {
            Harness h = Harness.started(CAMILLE, CNI);
            h.reject(new AttachJourney(h.id(), h.journeyId, MOHAMED, h.now), RejectionReasons.ALREADY_ATTACHED);
        }
    }

    @Nested
    class Callbacks {

        private final UUID callbackId = UUID.randomUUID();

        private RequestCallback request(Harness h, fr.relais.events.journey.Actor actor, List<String> windows) {
            return new RequestCallback(h.id(), h.journeyId, actor, h.now, callbackId, "needs-help", windows);
        }

        private RecordCallbackAttempt attempt(Harness h, fr.relais.events.journey.Actor agent, String outcome) {
            return new RecordCallbackAttempt(h.id(), h.journeyId, agent, h.now, callbackId, outcome, h.now.plus(Duration.ofMinutes(20)));
        }

        /** Tuesday 10 March 2026 10:00 Paris: "mardi-matin" is under way, due now; "jeudi-apres-midi" is later. */
        @Test
        void aRequestWaitsForThePhoneDueAtTheFirstWindowToCome() {
            Harness h = Harness.started(CAMILLE, CNI);
            List<JourneyEvent> events = h.accept(request(h, CAMILLE, List.of("jeudi-apres-midi", "mardi-matin")));
            HandoffRequested handoff = assertInstanceOf(HandoffRequested.class, events.get(0));
            assertEquals(Channel.PHONE, handoff.targetChannel());
            CallbackRequested requested = assertInstanceOf(CallbackRequested.class, events.get(1));
            assertEquals(Instant.parse("2026-03-10T08:00:00Z"), requested.dueAt());
            assertEquals(Instant.parse("2026-03-10T11:30:00Z"), requested.windowEndsAt());
            assertEquals(JourneyStatus.HANDOFF_PENDING, h.state.status());
            h.reject(request(h, CAMILLE, List.of("mardi-matin")), RejectionReasons.CALLBACK_PENDING);
        }

        @Test
        void windowsAndReasonsComeFromClosedLists() {
            Harness h = Harness.started(CAMILLE, CNI);
            h.reject(request(h, CAMILLE, List.of()), RejectionReasons.UNKNOWN_WINDOW);
            h.reject(request(h, CAMILLE, List.of("dimanche-soir")), RejectionReasons.UNKNOWN_WINDOW);
            h.reject(new RequestCallback(h.id(), h.journeyId, CAMILLE, h.now, callbackId, "call me at 6", List.of("mardi-matin")),
                    RejectionReasons.UNKNOWN_REASON);
            h.reject(request(h, MOHAMED, List.of("mardi-matin")), RejectionReasons.NOT_ALLOWED);
        }

        @Test
        void twoMissedCallsThenReachedTheAgentHoldsTheJourneyForTheCall() {
            Harness h = startedBy(new Harness(), GILLES);
            h.accept(request(h, GILLES, List.of("mardi-apres-midi")));
            CallbackAttempted first = (CallbackAttempted) h.accept(attempt(h, PAUL, "no-answer")).get(0);
            assertEquals(1, first.failedAttempts());
            CallbackAttempted second = (CallbackAttempted) h.accept(attempt(h, PAULINE, "call-dropped")).get(0);
            assertEquals(2, second.failedAttempts());
            assertEquals(2, h.state.callback().failedAttempts());
            List<JourneyEvent> reached = h.accept(attempt(h, PAUL, "reached"));
            assertTrue(assertInstanceOf(CallbackAttempted.class, reached.get(0)).closed());
            assertInstanceOf(CallerVerified.class, reached.get(1));
            assertInstanceOf(JourneyClaimed.class, reached.get(2));
            assertNull(h.state.callback());
            assertTrue(h.state.isClaimedBy(PAUL.subject()));
            h.submitCurrent(PAUL);
        }

        @Test
        void aWrongNumberClosesTheCallback() {
            Harness h = Harness.started(CAMILLE, CNI);
            h.accept(request(h, CAMILLE, List.of("mardi-matin")));
            CallbackAttempted wrong = (CallbackAttempted) h.accept(attempt(h, PAUL, "wrong-number")).get(0);
            assertTrue(wrong.closed());
            assertNull(h.state.callback());
            h.reject(attempt(h, PAUL, "reached"), RejectionReasons.UNKNOWN_CALLBACK);
        }

        @Test
        void onlyAPhoneAgentWithAKnownOutcome() {
            Harness h = Harness.started(CAMILLE, CNI);
            h.accept(request(h, CAMILLE, List.of("mardi-matin")));
            h.reject(attempt(h, GILLES, "reached"), RejectionReasons.NOT_ALLOWED);
            h.reject(attempt(h, PAUL, "voicemail-full"), RejectionReasons.UNKNOWN_OUTCOME);
            h.reject(new RecordCallbackAttempt(h.id(), h.journeyId, PAUL, h.now, callbackId, "reached", h.now.plus(Duration.ofHours(2))),
                    RejectionReasons.VERIFICATION_WINDOW_INVALID);
            h.reject(new RecordCallbackAttempt(h.id(), h.journeyId, PAUL, h.now, UUID.randomUUID(), "reached", h.now.plusSeconds(60)),
                    RejectionReasons.UNKNOWN_CALLBACK);
        }

        @Test
        void theJourneyEndingClosesTheCallback() {
            Harness h = Harness.started(CAMILLE, CNI);
            h.accept(request(h, CAMILLE, List.of("mardi-matin")));
            h.accept(new fr.relais.events.journey.Cancel(h.id(), h.journeyId, CAMILLE, h.now, "citizen-request"));
            assertNull(h.state.callback());
        }
    }

    @Nested
    class Aidants {

        private final UUID aidantPerson = UUID.randomUUID();

        private fr.relais.events.journey.GrantAidantMandate grant(Harness h, fr.relais.events.journey.Actor by,
                                                                 fr.relais.events.journey.Actor aidant) {
            return new fr.relais.events.journey.GrantAidantMandate(h.id(), h.journeyId, by, h.now, aidant.subject(),
                    aidantPerson, fr.relais.events.journey.MandateDuration.ONE_WEEK);
        }

        @Test
        void theCitizenNamesAnAidantWhoThenWorksOnHerStepsOnline() {
            Harness h = Harness.started(MOHAMED, CNI);
            h.reject(h.submit(CAMILLE, "identite"), h.valid("identite"), RejectionReasons.NOT_ALLOWED);
            var granted = assertInstanceOf(fr.relais.events.journey.AidantMandateGranted.class, h.accept(grant(h, MOHAMED, CAMILLE)).get(0));
            assertEquals(h.now.plus(Duration.ofDays(7)), granted.expiresAt());
            h.submitCurrent(CAMILLE);
            assertEquals("formulaire", h.state.currentStepId());
            assertEquals(MOHAMED.subject(), h.state.citizenSubject(), "the journey stays hers");
            // the aidant cannot cancel it, nor name another aidant
            h.reject(new fr.relais.events.journey.Cancel(h.id(), h.journeyId, CAMILLE, h.now, "citizen-request"),
                    RejectionReasons.NOT_ALLOWED);
            h.reject(grant(h, CAMILLE, PAUL), RejectionReasons.NOT_ALLOWED);
            // withdrawn: over
            h.accept(new fr.relais.events.journey.RevokeMandate(h.id(), h.journeyId, MOHAMED, h.now, granted.mandateId()));
            h.reject(h.submit(CAMILLE, "formulaire"), h.valid("formulaire"), RejectionReasons.NOT_ALLOWED);
        }

        @Test
        void atTheDeskTheAgentHoldingTheJourneyNamesTheAidantAndTheMandateExpires() {
            Harness h = startedBy(new Harness(), GILLES);
            h.accept(grant(h, GILLES, CAMILLE));
            h.accept(h.release(GILLES));
            h.submitCurrent(CAMILLE);
            h.advance(Duration.ofDays(8));
            h.reject(h.submit(CAMILLE, "formulaire"), h.valid("formulaire"), RejectionReasons.NOT_ALLOWED);
        }

        @Test
        void notOneselfNorByAnyone() {
            Harness h = Harness.started(MOHAMED, CNI);
            h.reject(grant(h, MOHAMED, MOHAMED), RejectionReasons.MANDATE_SCOPE_INVALID);
            h.reject(grant(h, PAUL, CAMILLE), RejectionReasons.NOT_ALLOWED);
            h.reject(grant(h, GILLES, CAMILLE), RejectionReasons.NOT_ALLOWED);
        }
    }
}
