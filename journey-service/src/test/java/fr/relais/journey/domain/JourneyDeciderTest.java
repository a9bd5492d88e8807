package fr.relais.journey.domain;

import fr.relais.events.channel.Channel;
import fr.relais.events.journey.Actor;
import fr.relais.events.journey.CallerVerified;
import fr.relais.events.journey.CommandOutcome.FieldError;
import fr.relais.events.journey.HandoffReasons;
import fr.relais.events.journey.HandoffRequested;
import fr.relais.events.journey.JourneyClaimed;
import fr.relais.events.journey.JourneyCommand;
import fr.relais.events.journey.JourneyCompleted;
import fr.relais.events.journey.JourneyEvent;
import fr.relais.events.journey.JourneyReleased;
import fr.relais.events.journey.JourneyStarted;
import fr.relais.events.journey.JourneyStatus;
import fr.relais.events.journey.MandateDuration;
import fr.relais.events.journey.MandateGranted;
import fr.relais.events.journey.StepCompleted;
import fr.relais.events.journey.WentBack;
import fr.relais.journey.procedure.ProcedureCatalog;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static fr.relais.journey.domain.Harness.AGNES;
import static fr.relais.journey.domain.Harness.APPOINTMENTS;
import static fr.relais.journey.domain.Harness.CAMILLE;
import static fr.relais.journey.domain.Harness.GILLES;
import static fr.relais.journey.domain.Harness.MAYA;
import static fr.relais.journey.domain.Harness.MAYA_AT_SITE;
import static fr.relais.journey.domain.Harness.MEDIATION;
import static fr.relais.journey.domain.Harness.MOHAMED;
import static fr.relais.journey.domain.Harness.OLGA;
import static fr.relais.journey.domain.Harness.PAUL;
import static fr.relais.journey.domain.Harness.PAULINE;
import static fr.relais.journey.domain.Harness.on;
import static fr.relais.journey.domain.Harness.started;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JourneyDeciderTest {

    private static final String CNI = "cni-renouvellement";
    private static final String AUBERVILLIERS = "fs-aubervilliers";

    /** A cni journey at rdv-biometrie, the first desk-only step. */
    private static Harness atBiometrics() {
        Harness h = started(CAMILLE, CNI);
        h.submitCurrent(CAMILLE);
        h.submitCurrent(CAMILLE);
        h.submitCurrent(CAMILLE);
        assertEquals("rdv-biometrie", h.state.currentStepId());
        return h;
    }

    @Nested
    class Start {

        @Test
        void citizenStartsOnTheCurrentVersionAndOwnsTheJourney() {
            Harness h = new Harness();
            List<JourneyEvent> events = h.accept(h.start(CAMILLE, CNI));
            JourneyStarted started = assertInstanceOf(JourneyStarted.class, events.get(0));
            assertEquals(1, started.sequence());
            assertEquals(2, started.procedureVersion(), "the highest version is pinned");
            assertEquals("identite", started.firstStepId());
            assertEquals(h.now, started.occurredAt());
            assertEquals(CAMILLE, started.actor());
            assertEquals(JourneyStatus.IN_PROGRESS, h.state.status());
            assertEquals("sub-camille", h.state.citizenSubject());
            assertEquals(1, h.state.version());
            assertEquals(Channel.PORTAL, h.state.lastChannel());
        }

        @Test
        void citizenMayStartFromAnyHumanChannel() {
            Harness h = new Harness();
            h.accept(h.start(on(MOHAMED, Channel.DESK), "aide-logement"));
            assertEquals(Channel.DESK, h.state.lastChannel());
        }

        @Test
        void existingJourney() {
            Harness h = started(CAMILLE, CNI);
            h.reject(h.start(CAMILLE, CNI), RejectionReasons.JOURNEY_EXISTS);
        }

        @Test
        void unknownProcedure() {
            Harness h = new Harness();
            h.reject(h.start(CAMILLE, "permis-de-chasse"), RejectionReasons.UNKNOWN_PROCEDURE);
        }

        @Test
        void onlyCitizensAndAgentsForAPersonStart() {
            Harness h = new Harness();
            h.reject(h.start(AGNES, CNI), RejectionReasons.PERSON_REQUIRED);
            h.reject(h.start(on(AGNES, Channel.PHONE), CNI), RejectionReasons.NOT_ALLOWED);
            h.reject(h.start(MAYA, CNI), RejectionReasons.NOT_ALLOWED);
            h.reject(h.start(OLGA, CNI), RejectionReasons.NOT_ALLOWED);
            h.reject(h.start(MEDIATION, CNI), RejectionReasons.NOT_ALLOWED);
            h.reject(h.start(new Actor("sub-x", Set.of(Roles.CITIZEN), null, Channel.SYSTEM), CNI),
                    RejectionReasons.NOT_ALLOWED);
        }

        @Test
        void everyOtherCommandOnAnUnknownJourney() {
            Harness h = new Harness();
            List<JourneyCommand> commands = List.of(h.submit(CAMILLE, "identite"), h.goBack(CAMILLE, "identite"),
                    h.handoff(CAMILLE, Channel.DESK, AUBERVILLIERS), h.claim(AGNES), h.release(AGNES),
                    h.presence(APPOINTMENTS, AUBERVILLIERS), h.verify(PAUL, Duration.ofMinutes(5)),
                    h.revoke(CAMILLE, UUID.randomUUID()), h.escalate(MEDIATION, UUID.randomUUID()),
                    h.deescalate(MEDIATION, UUID.randomUUID()), h.abandon(CAMILLE), h.cancel(CAMILLE));
            for (JourneyCommand command : commands) {
                h.reject(command, RejectionReasons.UNKNOWN_JOURNEY);
            }
        }

        @Test
        void aCommandForAnotherJourneyIsAProgrammingError() {
            Harness h = started(CAMILLE, CNI);
            Harness other = started(CAMILLE, CNI);
            assertThrows(IllegalArgumentException.class,
                    () -> h.decider.decide(other.cancel(CAMILLE), h.state, Map.of(), h.now));
        }
    }

    @Nested
    class Submit {

        @Test
        void ownerCompletesAStepAndMovesOn() {
            Harness h = started(CAMILLE, CNI);
            List<JourneyEvent> events = h.submitCurrent(CAMILLE);
            StepCompleted completed = assertInstanceOf(StepCompleted.class, events.get(0));
            assertEquals(2, completed.sequence());
            assertEquals("identite", completed.stepId());
            assertEquals("formulaire", completed.nextStepId());
            assertEquals(List.of("nom", "prenoms", "date-naissance", "commune-naissance"), completed.fieldNames());
            assertEquals("formulaire", h.state.currentStepId());
            assertEquals(List.of("identite"), h.state.completedSteps());
        }

        @Test
        void fieldNamesListOnlyTheAnsweredFields() {
            Harness h = started(CAMILLE, CNI);
            h.submitCurrent(CAMILLE);
            Map<String, String> answers = new HashMap<>(h.valid("formulaire"));
            answers.put("complement-adresse", " ");
            answers.remove("complement-adresse");
            StepCompleted completed = (StepCompleted) h.accept(h.submit(CAMILLE, "formulaire"), answers).get(0);
            assertTrue(!completed.fieldNames().contains("complement-adresse"));
        }

        @Test
        void lastStepCompletesTheJourney() {
            Harness h = started(CAMILLE, "changement-adresse");
            h.submitCurrent(CAMILLE);
            h.submitCurrent(CAMILLE);
            h.submitCurrent(CAMILLE);
            List<JourneyEvent> events = h.submitCurrent(CAMILLE);
            assertEquals(2, events.size());
            StepCompleted last = assertInstanceOf(StepCompleted.class, events.get(0));
            assertNull(last.nextStepId());
            JourneyCompleted done = assertInstanceOf(JourneyCompleted.class, events.get(1));
            assertEquals(last.sequence() + 1, done.sequence());
            assertEquals(JourneyStatus.COMPLETED, h.state.status());
            assertNull(h.state.currentStepId());
            assertTrue(h.state.isTerminal());
        }

        @Test
        void wrongStep() {
            Harness h = started(CAMILLE, CNI);
            h.reject(h.submit(CAMILLE, "formulaire"), h.valid("formulaire"), RejectionReasons.WRONG_STEP);
        }

        @Test
        void unknownStep() {
            Harness h = started(CAMILLE, CNI);
            h.reject(h.submit(CAMILLE, "empreintes"), RejectionReasons.UNKNOWN_STEP);
        }

        @Test
        void invalidFieldsAreAllNamed() {
            Harness h = started(CAMILLE, CNI);
            h.submitCurrent(CAMILLE);
            Map<String, String> answers = new HashMap<>(h.valid("formulaire"));
            answers.put("code-postal", "9330");
            answers.put("motif", "curiosite");
            answers.remove("commune");
            answers.put("couleur", "bleu");
            Decision.Rejected rejected = h.reject(h.submit(CAMILLE, "formulaire"), answers,
                    RejectionReasons.FIELD_INVALID);
            assertEquals(List.of(new FieldError("code-postal", "pattern"), new FieldError("commune", "required"),
                    new FieldError("motif", "choice"), new FieldError("couleur", "unknown-field")), rejected.fieldErrors());
            assertTrue(!rejected.detail().contains("9330") && !rejected.detail().contains("curiosite"),
                    "no value in the detail");
        }

        @Test
        void birthDateInTheFutureIsInvalid() {
            Harness h = started(CAMILLE, CNI);
            Map<String, String> answers = new HashMap<>(h.valid("identite"));
            answers.put("date-naissance", "2026-03-11");
            Decision.Rejected rejected = h.reject(h.submit(CAMILLE, "identite"), answers, RejectionReasons.FIELD_INVALID);
            assertEquals(List.of(new FieldError("date-naissance", "date-in-future")), rejected.fieldErrors());
        }

        @Test
        void citizenSubmitsOnThePortalOnly() {
            Harness h = started(CAMILLE, CNI);
            h.reject(h.submit(on(CAMILLE, Channel.PHONE), "identite"), h.valid("identite"),
                    RejectionReasons.CHANNEL_NOT_ALLOWED);
        }

        @Test
        void stepChannelsAreEnforced() {
            Harness h = atBiometrics();
            h.reject(h.submit(CAMILLE, "rdv-biometrie"), h.valid("rdv-biometrie"), RejectionReasons.CHANNEL_NOT_ALLOWED);
        }

        @Test
        void phoneIsNotAllowedForTheFormStep() {
            Harness h = started(CAMILLE, CNI);
            h.submitCurrent(CAMILLE);
            h.accept(h.verify(PAUL, Duration.ofMinutes(20)));
            h.reject(h.submit(PAUL, "formulaire"), h.valid("formulaire"), RejectionReasons.CHANNEL_NOT_ALLOWED);
        }

        @Test
        void anotherCitizenIsNotAllowed() {
            Harness h = started(CAMILLE, CNI);
            h.reject(h.submit(MOHAMED, "identite"), h.valid("identite"), RejectionReasons.NOT_ALLOWED);
            h.reject(h.submit(OLGA, "identite"), h.valid("identite"), RejectionReasons.NOT_ALLOWED);
            h.reject(h.submit(MEDIATION, "identite"), h.valid("identite"), RejectionReasons.NOT_ALLOWED);
        }

        @Test
        void citizenCannotSubmitWhileAnAgentHoldsTheJourney() {
            Harness h = started(CAMILLE, CNI);
            h.accept(h.handoff(CAMILLE, Channel.DESK, AUBERVILLIERS));
            h.reject(h.submit(CAMILLE, "identite"), h.valid("identite"), RejectionReasons.WRONG_STATUS);
            h.accept(h.claim(AGNES));
            h.reject(h.submit(CAMILLE, "identite"), h.valid("identite"), RejectionReasons.WRONG_STATUS);
        }

        @Test
        void citizenMaySubmitWhileEscalated() {
            Harness h = started(CAMILLE, CNI);
            h.accept(h.escalate(MEDIATION, UUID.randomUUID()));
            h.submitCurrent(CAMILLE);
            assertEquals(JourneyStatus.ESCALATED, h.state.status());
        }

        @Test
        void deskAgentMustHoldTheClaim() {
            Harness h = started(CAMILLE, CNI);
            h.reject(h.submit(AGNES, "identite"), h.valid("identite"), RejectionReasons.NOT_CLAIMED);
            h.accept(h.presence(AGNES, AUBERVILLIERS));
            h.accept(h.claim(AGNES));
            h.submitCurrent(AGNES);
            assertEquals(Channel.DESK, h.state.lastChannel());
        }

        @Test
        void anotherAgentsClaimBlocksStaff() {
            Harness h = started(CAMILLE, CNI);
            h.accept(h.presence(AGNES, AUBERVILLIERS));
            h.accept(h.claim(AGNES));
            h.accept(h.verify(PAUL, Duration.ofMinutes(10)));
            h.reject(h.submit(PAUL, "identite"), h.valid("identite"), RejectionReasons.ALREADY_CLAIMED);
        }

        @Test
        void staffMustClaimAPendingHandoffFirst() {
            Harness h = started(CAMILLE, CNI);
            h.accept(h.grant(CAMILLE, AUBERVILLIERS, MandateDuration.ONE_DAY));
            h.accept(h.handoff(CAMILLE, Channel.DESK, AUBERVILLIERS));
            h.reject(h.submit(AGNES, "identite"), h.valid("identite"), RejectionReasons.WRONG_STATUS);
        }

        @Test
        void phoneAgentNeedsTheirOwnRunningVerification() {
            Harness h = started(CAMILLE, CNI);
            h.reject(h.submit(PAUL, "identite"), h.valid("identite"), RejectionReasons.VERIFICATION_REQUIRED);
            h.accept(h.verify(PAUL, Duration.ofMinutes(15)));
            h.reject(h.submit(PAULINE, "identite"), h.valid("identite"), RejectionReasons.VERIFICATION_REQUIRED);
            h.advance(Duration.ofMinutes(15));
            h.reject(h.submit(PAUL, "identite"), h.valid("identite"), RejectionReasons.VERIFICATION_REQUIRED);
            h.accept(h.verify(PAUL, Duration.ofMinutes(15)));
            h.submitCurrent(PAUL);
            assertEquals(Channel.PHONE, h.state.lastChannel());
        }

        @Test
        void mediatorNeedsAMandate() {
            Harness h = started(CAMILLE, CNI);
            h.reject(h.submit(MAYA, "identite"), h.valid("identite"), RejectionReasons.MANDATE_REQUIRED);
            h.reject(h.submit(MAYA_AT_SITE, "identite"), h.valid("identite"), RejectionReasons.MANDATE_REQUIRED);
            h.accept(h.grant(CAMILLE, "fs-saint-denis", MandateDuration.ONE_WEEK));
            h.submitCurrent(MAYA_AT_SITE);
        }

        @Test
        void mandateHolderActsWithoutClaimUntilExpiryOrRevocation() {
            Harness h = started(CAMILLE, CNI);
            MandateGranted granted = (MandateGranted) h.accept(h.grant(CAMILLE, AUBERVILLIERS, MandateDuration.ONE_DAY)).get(0);
            h.submitCurrent(AGNES);
            h.advance(Duration.ofDays(1));
            h.reject(h.submit(AGNES, "formulaire"), h.valid("formulaire"), RejectionReasons.NOT_CLAIMED);
            h.accept(h.grant(CAMILLE, AUBERVILLIERS, MandateDuration.ONE_WEEK));
            h.submitCurrent(AGNES);
            UUID second = h.state.validMandateFor(AUBERVILLIERS, h.now).orElseThrow().mandateId();
            h.accept(h.revoke(CAMILLE, second));
            h.reject(h.submit(AGNES, "justificatifs"), h.valid("justificatifs"), RejectionReasons.NOT_CLAIMED);
            h.reject(h.submit(GILLES, "justificatifs"), h.valid("justificatifs"), RejectionReasons.NOT_CLAIMED);
            assertTrue(granted.expiresAt().equals(Harness.T0.plus(Duration.ofDays(1))));
        }

        @Test
        void presenceStepNeedsTheCitizenCheckedInAtTheAgentsSite() {
            Harness h = atBiometrics();
            h.accept(h.handoff(CAMILLE, Channel.DESK, AUBERVILLIERS));
            h.accept(h.claim(AGNES));
            h.reject(h.submit(AGNES, "rdv-biometrie"), h.valid("rdv-biometrie"), RejectionReasons.PRESENCE_REQUIRED);
            h.accept(h.presence(APPOINTMENTS, "fs-saint-denis"));
            h.reject(h.submit(AGNES, "rdv-biometrie"), h.valid("rdv-biometrie"), RejectionReasons.PRESENCE_REQUIRED);
            h.accept(h.presence(APPOINTMENTS, AUBERVILLIERS));
            h.submitCurrent(AGNES);
            assertEquals("remise", h.state.currentStepId());
        }

        @Test
        void presenceCountsOnlyTheSameParisDay() {
            Harness h = atBiometrics();
            h.now = Instant.parse("2026-03-10T22:30:00Z"); // 23:30 in Paris
            h.accept(h.presence(APPOINTMENTS, AUBERVILLIERS));
            h.accept(h.claim(AGNES));
            h.now = Instant.parse("2026-03-10T22:59:00Z");
            assertEquals(Decision.Accepted.class, h.decide(h.submit(AGNES, "rdv-biometrie"), h.valid("rdv-biometrie")).getClass());
            h.now = Instant.parse("2026-03-10T23:01:00Z"); // 00:01 the next day in Paris
            h.reject(h.submit(AGNES, "rdv-biometrie"), h.valid("rdv-biometrie"), RejectionReasons.PRESENCE_REQUIRED);
        }

        @Test
        void fullCniJourneyAcrossPortalAndDesk() {
            Harness h = atBiometrics();
            h.accept(h.presence(APPOINTMENTS, AUBERVILLIERS));
            h.accept(h.claim(AGNES));
            h.submitCurrent(AGNES);
            List<JourneyEvent> last = h.submitCurrent(AGNES);
            assertInstanceOf(JourneyCompleted.class, last.get(1));
            assertEquals(JourneyStatus.COMPLETED, h.state.status());
            assertNull(h.state.claim(), "completion clears the claim");
            assertEquals(List.of("identite", "formulaire", "justificatifs", "rdv-biometrie", "remise"),
                    h.state.completedSteps());
        }

        @Test
        void aJourneyKeepsItsPinnedVersion() {
            ProcedureCatalog v1Only = ProcedureCatalog.of(List.of(
                    Harness.CATALOG.version(CNI, 1).orElseThrow()));
            Harness h = new Harness();
            Decision.Accepted accepted = (Decision.Accepted) new JourneyDecider(v1Only, Harness.SITES)
                    .decide(h.start(CAMILLE, CNI), null, Map.of(), h.now);
            JourneyStarted started = (JourneyStarted) accepted.events().get(0);
            h.state = JourneyState.start(started);
            h.events.add(started);
            assertEquals(1, h.state.procedureVersion());
            h.submitCurrent(CAMILLE);
            // v2 has complement-adresse; the journey pinned on v1 does not know it
            Map<String, String> answers = new HashMap<>(Harness.validAnswers(
                    Harness.CATALOG.version(CNI, 2).orElseThrow().step("formulaire")));
            Decision.Rejected rejected = h.reject(h.submit(CAMILLE, "formulaire"), answers,
                    RejectionReasons.FIELD_INVALID);
            assertEquals(List.of(new FieldError("complement-adresse", "unknown-field")), rejected.fieldErrors());
        }

        @Test
        void aPinnedVersionNoLongerLoadedIsAnUnknownProcedure() {
            Harness h = started(CAMILLE, CNI);
            JourneyDecider v1Only = new JourneyDecider(ProcedureCatalog.of(List.of(
                    Harness.CATALOG.version(CNI, 1).orElseThrow())), Harness.SITES);
            Decision decision = v1Only.decide(h.submit(CAMILLE, "identite"), h.state, h.valid("identite"), h.now);
            assertEquals(RejectionReasons.UNKNOWN_PROCEDURE, ((Decision.Rejected) decision).reason());
        }
    }

    @Nested
    class GoBackTo {

        @Test
        void ownerGoesBackToACompletedStep() {
            Harness h = atBiometrics();
            WentBack back = (WentBack) h.accept(h.goBack(CAMILLE, "formulaire")).get(0);
            assertEquals("rdv-biometrie", back.fromStepId());
            assertEquals("formulaire", h.state.currentStepId());
            assertEquals(List.of("identite"), h.state.completedSteps());
            h.submitCurrent(CAMILLE);
            assertEquals(List.of("identite", "formulaire"), h.state.completedSteps());
        }

        @Test
        void onlyToACompletedStep() {
            Harness h = started(CAMILLE, CNI);
            h.submitCurrent(CAMILLE);
            h.reject(h.goBack(CAMILLE, "justificatifs"), RejectionReasons.WRONG_STEP);
            h.reject(h.goBack(CAMILLE, "formulaire"), RejectionReasons.WRONG_STEP);
            h.reject(h.goBack(CAMILLE, "nulle-part"), RejectionReasons.UNKNOWN_STEP);
        }

        @Test
        void claimantMayGoBackOthersMayNot() {
            Harness h = started(CAMILLE, CNI);
            h.submitCurrent(CAMILLE);
            h.reject(h.goBack(MOHAMED, "identite"), RejectionReasons.NOT_ALLOWED);
            h.reject(h.goBack(AGNES, "identite"), RejectionReasons.NOT_CLAIMED);
            h.accept(h.presence(AGNES, AUBERVILLIERS));
            h.accept(h.claim(AGNES));
            h.reject(h.goBack(CAMILLE, "identite"), RejectionReasons.WRONG_STATUS);
            h.accept(h.goBack(AGNES, "identite"));
            assertEquals("identite", h.state.currentStepId());
        }
    }

    @Nested
    class HandoffAndClaim {

        @Test
        void ownerHandsOffToADeskSiteAndAnAgentThereClaims() {
            Harness h = started(CAMILLE, CNI);
            HandoffRequested requested = (HandoffRequested) h.accept(h.handoff(CAMILLE, Channel.DESK, AUBERVILLIERS)).get(0);
            assertEquals(Channel.DESK, requested.targetChannel());
            assertEquals(JourneyStatus.HANDOFF_PENDING, h.state.status());
            assertTrue(h.state.isAwaitingHandoff());
            h.reject(h.claim(GILLES), RejectionReasons.PRESENCE_REQUIRED);
            JourneyClaimed claimed = (JourneyClaimed) h.accept(h.claim(AGNES)).get(0);
            assertEquals(AUBERVILLIERS, claimed.site());
            assertEquals(Channel.DESK, claimed.channel());
            assertEquals(JourneyStatus.WITH_AGENT, h.state.status());
            assertNull(h.state.handoff());
            assertEquals("sub-agnes", h.state.claimant().orElseThrow());
        }

        @Test
        void aSecondClaimantIsRejectedTheSameClaimantIsIdempotent() {
            Harness h = started(CAMILLE, CNI);
            h.accept(h.presence(APPOINTMENTS, AUBERVILLIERS));
            h.accept(h.claim(AGNES));
            Actor colleague = new Actor("sub-bruno", Set.of(Roles.COUNTER_AGENT), AUBERVILLIERS, Channel.DESK);
            h.reject(h.claim(colleague), RejectionReasons.ALREADY_CLAIMED);
            assertEquals(List.of(), h.accept(h.claim(AGNES)));
            assertEquals("sub-agnes", h.state.claimant().orElseThrow());
        }

        @Test
        void deskHandoffNeedsASite() {
            Harness h = started(CAMILLE, CNI);
            h.reject(h.handoff(CAMILLE, Channel.DESK, null), RejectionReasons.SITE_REQUIRED);
            h.reject(h.handoff(CAMILLE, Channel.DESK, " "), RejectionReasons.SITE_REQUIRED);
        }

        @Test
        void handoffNamesAKnownSiteAndAReasonFromTheClosedList() {
            Harness h = started(CAMILLE, CNI);
            h.reject(h.handoff(CAMILLE, Channel.DESK, "12 rue des Lilas"), RejectionReasons.UNKNOWN_SITE);
            h.reject(h.handoff(CAMILLE, Channel.PHONE, "fs-nowhere"), RejectionReasons.UNKNOWN_SITE);
            h.reject(h.handoff(CAMILLE, Channel.DESK, AUBERVILLIERS, "ma fille est malade"),
                    RejectionReasons.UNKNOWN_REASON);
            h.reject(h.handoff(MEDIATION, Channel.PHONE, null, "prefers-a-person"), RejectionReasons.UNKNOWN_REASON);
            for (String reason : HandoffReasons.all()) {
                Harness each = started(CAMILLE, CNI);
                each.accept(each.handoff(CAMILLE, Channel.DESK, AUBERVILLIERS, reason));
            }
            h.accept(h.handoff(CAMILLE, Channel.PHONE, null, HandoffReasons.CITIZEN_CHOICE));
        }

        @Test
        void handoffTargetsDeskOrPhone() {
            Harness h = started(CAMILLE, CNI);
            h.reject(h.handoff(CAMILLE, Channel.PORTAL, null), RejectionReasons.CHANNEL_NOT_ALLOWED);
            h.reject(h.handoff(CAMILLE, Channel.SYSTEM, null), RejectionReasons.CHANNEL_NOT_ALLOWED);
        }

        @Test
        void notTwiceWhileOneIsPending() {
            Harness h = started(CAMILLE, CNI);
            h.accept(h.handoff(CAMILLE, Channel.PHONE, null));
            h.reject(h.handoff(CAMILLE, Channel.DESK, AUBERVILLIERS), RejectionReasons.WRONG_STATUS);
        }

        @Test
        void strangersMayNotRequestAHandoff() {
            Harness h = started(CAMILLE, CNI);
            h.reject(h.handoff(MOHAMED, Channel.PHONE, null), RejectionReasons.NOT_ALLOWED);
            h.reject(h.handoff(AGNES, Channel.PHONE, null), RejectionReasons.NOT_ALLOWED);
        }

        @Test
        void systemMayRequestAHandoff() {
            Harness h = started(CAMILLE, CNI);
            h.accept(h.handoff(MEDIATION, Channel.PHONE, "tel-national"));
            assertEquals(JourneyStatus.HANDOFF_PENDING, h.state.status());
        }

        @Test
        void claimantHandsOverToThePhoneReleasingTheClaim() {
            Harness h = started(CAMILLE, CNI);
            h.accept(h.presence(APPOINTMENTS, AUBERVILLIERS));
            h.accept(h.claim(AGNES));
            h.accept(h.handoff(AGNES, Channel.PHONE, null));
            assertNull(h.state.claim());
            assertEquals(JourneyStatus.HANDOFF_PENDING, h.state.status());
            h.reject(h.claim(PAUL), RejectionReasons.VERIFICATION_REQUIRED);
            h.accept(h.verify(PAUL, Duration.ofMinutes(30)));
            h.accept(h.claim(PAUL));
            assertEquals(JourneyStatus.WITH_AGENT, h.state.status());
        }

        @Test
        void ownerMayAskForAnotherChannelWhileWithAnAgent() {
            Harness h = started(CAMILLE, CNI);
            h.accept(h.presence(APPOINTMENTS, AUBERVILLIERS));
            h.accept(h.claim(AGNES));
            h.accept(h.handoff(CAMILLE, Channel.PHONE, null));
            assertNull(h.state.claim());
        }

        @Test
        void deskAgentClaimsWithPresenceOrMandate() {
            Harness h = started(CAMILLE, CNI);
            h.reject(h.claim(AGNES), RejectionReasons.PRESENCE_REQUIRED);
            h.accept(h.grant(CAMILLE, AUBERVILLIERS, MandateDuration.ONE_DAY));
            h.accept(h.claim(AGNES));
        }

        @Test
        void deskAgentWithoutSite() {
            Harness h = started(CAMILLE, CNI);
            h.reject(h.claim(new Actor("sub-z", Set.of(Roles.COUNTER_AGENT), null, Channel.DESK)),
                    RejectionReasons.SITE_REQUIRED);
        }

        @Test
        void mediatorClaimsUnderAMandateOnlyEvenWhenEscalatedAndTheJourneyStaysEscalated() {
            Harness h = started(CAMILLE, CNI);
            h.reject(h.claim(MAYA_AT_SITE), RejectionReasons.MANDATE_REQUIRED);
            h.accept(h.escalate(MEDIATION, UUID.randomUUID()));
            assertEquals("93", h.state.escalation().pool());
            // the case's pool cannot be matched on a command: the escalation alone lets no mediator in
            h.reject(h.claim(MAYA), RejectionReasons.MANDATE_REQUIRED);
            h.reject(h.claim(MAYA_AT_SITE), RejectionReasons.MANDATE_REQUIRED);
            h.accept(h.grant(CAMILLE, "fs-saint-denis", MandateDuration.ONE_DAY));
            h.accept(h.claim(MAYA_AT_SITE));
            assertEquals(JourneyStatus.ESCALATED, h.state.status());
            assertEquals(JourneyStatus.WITH_AGENT, h.state.statusBeforeEscalation());
            h.reject(h.claim(new Actor("sub-marc", Set.of(Roles.MEDIATOR), null, Channel.PORTAL)),
                    RejectionReasons.NOT_ALLOWED);
            h.reject(h.claim(new Actor("sub-marc", Set.of(Roles.MEDIATOR), "fs-saint-denis", Channel.DESK)),
                    RejectionReasons.ALREADY_CLAIMED);
        }

        @Test
        void citizensOpsAndServicesNeverClaim() {
            Harness h = started(CAMILLE, CNI);
            h.accept(h.handoff(CAMILLE, Channel.DESK, AUBERVILLIERS));
            h.reject(h.claim(CAMILLE), RejectionReasons.NOT_ALLOWED);
            h.reject(h.claim(OLGA), RejectionReasons.NOT_ALLOWED);
            h.reject(h.claim(MEDIATION), RejectionReasons.NOT_ALLOWED);
            h.reject(h.claim(on(AGNES, Channel.PHONE)), RejectionReasons.NOT_ALLOWED);
        }

        @Test
        void releaseResumesAtTheCurrentStep() {
            Harness h = started(CAMILLE, CNI);
            h.accept(h.presence(APPOINTMENTS, AUBERVILLIERS));
            h.reject(h.release(AGNES), RejectionReasons.NOT_CLAIMED);
            h.accept(h.claim(AGNES));
            h.submitCurrent(AGNES);
            h.reject(h.release(CAMILLE), RejectionReasons.NOT_CLAIMED);
            h.reject(h.release(GILLES), RejectionReasons.NOT_CLAIMED);
            JourneyReleased released = (JourneyReleased) h.accept(h.release(AGNES)).get(0);
            assertEquals("formulaire", released.resumeStepId());
            assertEquals(JourneyStatus.IN_PROGRESS, h.state.status());
            assertNull(h.state.claim());
            h.submitCurrent(CAMILLE);
        }
    }

    @Nested
    class PresenceAndVerification {

        @Test
        void deskAgentRecordsPresenceAtTheirOwnSiteOnly() {
            Harness h = started(CAMILLE, CNI);
            h.reject(h.presence(AGNES, "fs-gueret"), RejectionReasons.NOT_ALLOWED);
            h.reject(h.presence(PAUL, "tel-national"), RejectionReasons.NOT_ALLOWED);
            h.reject(h.presence(CAMILLE, AUBERVILLIERS), RejectionReasons.NOT_ALLOWED);
            h.accept(h.presence(AGNES, AUBERVILLIERS));
            assertTrue(h.state.isPresentAt(AUBERVILLIERS, h.now));
            assertTrue(!h.state.isPresentAt("fs-gueret", h.now));
        }

        @Test
        void systemRecordsPresenceButNotOnABlankSite() {
            Harness h = started(CAMILLE, CNI);
            h.reject(h.presence(APPOINTMENTS, ""), RejectionReasons.SITE_REQUIRED);
            h.accept(h.presence(APPOINTMENTS, "fs-gueret"));
            assertEquals(Channel.PORTAL, h.state.lastChannel(), "service events leave the last channel");
        }

        @Test
        void verificationIsTimeBoxed() {
            Harness h = started(CAMILLE, CNI);
            h.reject(h.verify(PAUL, Duration.ZERO), RejectionReasons.VERIFICATION_WINDOW_INVALID);
            h.reject(h.verify(PAUL, Duration.ofMinutes(-1)), RejectionReasons.VERIFICATION_WINDOW_INVALID);
            h.reject(h.verify(PAUL, Duration.ofMinutes(30).plusSeconds(1)), RejectionReasons.VERIFICATION_WINDOW_INVALID);
            CallerVerified verified = (CallerVerified) h.accept(h.verify(PAUL, Duration.ofMinutes(30))).get(0);
            assertEquals(h.now.plus(Duration.ofMinutes(30)), verified.verifiedUntil());
            assertTrue(h.state.isCallerVerifiedBy("sub-paul", h.now.plus(Duration.ofMinutes(29))));
            assertTrue(!h.state.isCallerVerifiedBy("sub-paul", h.now.plus(Duration.ofMinutes(30))));
        }

        @Test
        void onlyPhoneAgentsOnThePhoneVerify() {
            Harness h = started(CAMILLE, CNI);
            h.reject(h.verify(AGNES, Duration.ofMinutes(5)), RejectionReasons.NOT_ALLOWED);
            h.reject(h.verify(on(PAUL, Channel.DESK), Duration.ofMinutes(5)), RejectionReasons.NOT_ALLOWED);
            h.reject(h.verify(CAMILLE, Duration.ofMinutes(5)), RejectionReasons.NOT_ALLOWED);
        }
    }

    @Nested
    class Mandates {

        @Test
        void mandateIdIsDerivedFromTheCommandIdAndAReplayAddsNothing() {
            Harness h = started(CAMILLE, CNI);
            var grant = h.grant(CAMILLE, AUBERVILLIERS, MandateDuration.ONE_MONTH);
            MandateGranted granted = (MandateGranted) h.accept(grant).get(0);
            assertEquals(JourneyDecider.mandateIdFor(grant.commandId()), granted.mandateId());
            assertEquals(h.now.plus(Duration.ofDays(30)), granted.expiresAt());
            assertEquals(List.of(), h.accept(grant));
            assertEquals(1, h.state.mandates().size());
        }

        @Test
        void aMandateNamesAKnownSite() {
            Harness h = started(CAMILLE, CNI);
            h.reject(h.grant(CAMILLE, "chez ma voisine", MandateDuration.ONE_DAY), RejectionReasons.UNKNOWN_SITE);
            h.reject(h.grant(CAMILLE, "fs-nowhere", MandateDuration.ONE_DAY), RejectionReasons.UNKNOWN_SITE);
            h.reject(h.grant(CAMILLE, " ", MandateDuration.ONE_DAY), RejectionReasons.SITE_REQUIRED);
            h.accept(h.grant(CAMILLE, "fs-aubusson", MandateDuration.ONE_DAY));
        }

        @Test
        void onlyTheOwnerGrantsAndRevokes() {
            Harness h = started(CAMILLE, CNI);
            h.reject(h.grant(MOHAMED, AUBERVILLIERS, MandateDuration.ONE_DAY), RejectionReasons.NOT_ALLOWED);
            h.reject(h.grant(AGNES, AUBERVILLIERS, MandateDuration.ONE_DAY), RejectionReasons.NOT_ALLOWED);
            MandateGranted granted = (MandateGranted) h.accept(h.grant(CAMILLE, AUBERVILLIERS, MandateDuration.ONE_DAY)).get(0);
            h.reject(h.revoke(AGNES, granted.mandateId()), RejectionReasons.NOT_ALLOWED);
            h.accept(h.revoke(CAMILLE, granted.mandateId()));
            assertTrue(h.state.mandates().get(0).revoked());
        }

        @Test
        void revokingAnUnknownOrRevokedMandate() {
            Harness h = started(CAMILLE, CNI);
            h.reject(h.revoke(CAMILLE, UUID.randomUUID()), RejectionReasons.UNKNOWN_MANDATE);
            MandateGranted granted = (MandateGranted) h.accept(h.grant(CAMILLE, AUBERVILLIERS, MandateDuration.ONE_DAY)).get(0);
            h.accept(h.revoke(CAMILLE, granted.mandateId()));
            h.reject(h.revoke(CAMILLE, granted.mandateId()), RejectionReasons.UNKNOWN_MANDATE);
        }

        @Test
        void scopeIsTheJourneysProcedureAndASiteIsNamed() {
            Harness h = started(CAMILLE, CNI);
            h.reject(new fr.relais.events.journey.GrantMandate(UUID.randomUUID(), h.journeyId, CAMILLE, h.now,
                    AUBERVILLIERS, "aide-logement", MandateDuration.ONE_DAY), RejectionReasons.MANDATE_SCOPE_INVALID);
            h.reject(h.grant(CAMILLE, " ", MandateDuration.ONE_DAY), RejectionReasons.SITE_REQUIRED);
        }

        @Test
        void mandateForAnotherSiteDoesNotCount() {
            Harness h = started(CAMILLE, CNI);
            h.accept(h.grant(CAMILLE, "fs-gueret", MandateDuration.ONE_DAY));
            h.reject(h.claim(AGNES), RejectionReasons.PRESENCE_REQUIRED);
            h.accept(h.claim(GILLES));
        }
    }

    @Nested
    class Escalation {

        @Test
        void escalateRemembersAndDeescalateRestoresTheStatus() {
            Harness h = started(CAMILLE, CNI);
            h.accept(h.presence(APPOINTMENTS, AUBERVILLIERS));
            h.accept(h.claim(AGNES));
            UUID caseId = UUID.randomUUID();
            h.accept(h.escalate(MEDIATION, caseId));
            assertEquals(JourneyStatus.ESCALATED, h.state.status());
            assertEquals(JourneyStatus.WITH_AGENT, h.state.statusBeforeEscalation());
            h.accept(h.deescalate(MEDIATION, caseId));
            assertEquals(JourneyStatus.WITH_AGENT, h.state.status());
            assertNull(h.state.statusBeforeEscalation());
            assertNull(h.state.escalation());
        }

        @Test
        void aClaimReleasedDuringTheCaseComesBackInProgress() {
            Harness h = started(CAMILLE, CNI);
            h.accept(h.presence(APPOINTMENTS, AUBERVILLIERS));
            h.accept(h.claim(AGNES));
            UUID caseId = UUID.randomUUID();
            h.accept(h.escalate(MEDIATION, caseId));
            h.accept(h.release(AGNES));
            assertEquals(JourneyStatus.ESCALATED, h.state.status(), "release keeps an open case visible");
            h.accept(h.deescalate(MEDIATION, caseId));
            assertEquals(JourneyStatus.IN_PROGRESS, h.state.status());
        }

        @Test
        void aHandoffDuringTheCaseWaitsAfterIt() {
            Harness h = started(CAMILLE, CNI);
            UUID caseId = UUID.randomUUID();
            h.accept(h.escalate(MEDIATION, caseId));
            h.accept(h.handoff(MEDIATION, Channel.DESK, AUBERVILLIERS));
            assertEquals(JourneyStatus.ESCALATED, h.state.status());
            assertTrue(h.state.isAwaitingHandoff());
            h.accept(h.deescalate(MEDIATION, caseId));
            assertEquals(JourneyStatus.HANDOFF_PENDING, h.state.status());
        }

        @Test
        void sameCaseTwiceIsIdempotentAnotherCaseIsRejected() {
            Harness h = started(CAMILLE, CNI);
            UUID caseId = UUID.randomUUID();
            h.accept(h.escalate(MEDIATION, caseId));
            assertEquals(List.of(), h.accept(h.escalate(MEDIATION, caseId)));
            h.reject(h.escalate(MEDIATION, UUID.randomUUID()), RejectionReasons.ALREADY_ESCALATED);
            h.reject(h.deescalate(MEDIATION, UUID.randomUUID()), RejectionReasons.CASE_MISMATCH);
        }

        @Test
        void deescalateWithoutAnOpenCase() {
            Harness h = started(CAMILLE, CNI);
            h.reject(h.deescalate(MEDIATION, UUID.randomUUID()), RejectionReasons.NOT_ESCALATED);
        }

        @Test
        void onlyTheSystemEscalates() {
            Harness h = started(CAMILLE, CNI);
            UUID caseId = UUID.randomUUID();
            h.reject(h.escalate(MAYA, caseId), RejectionReasons.NOT_ALLOWED);
            h.reject(h.escalate(CAMILLE, caseId), RejectionReasons.NOT_ALLOWED);
            h.accept(h.escalate(MEDIATION, caseId));
            h.reject(h.deescalate(MAYA, caseId), RejectionReasons.NOT_ALLOWED);
        }
    }

    @Nested
    class Ending {

        @Test
        void ownerOrSystemAbandons() {
            Harness h = started(CAMILLE, CNI);
            h.reject(h.abandon(AGNES), RejectionReasons.NOT_ALLOWED);
            h.reject(h.abandon(MOHAMED), RejectionReasons.NOT_ALLOWED);
            h.accept(h.abandon(MEDIATION));
            assertEquals(JourneyStatus.ABANDONED, h.state.status());

            Harness owner = started(CAMILLE, CNI);
            owner.accept(owner.abandon(CAMILLE));
            assertEquals(JourneyStatus.ABANDONED, owner.state.status());
        }

        @Test
        void onlyTheOwnerCancelsAndTheClaimIsCleared() {
            Harness h = started(CAMILLE, CNI);
            h.accept(h.presence(APPOINTMENTS, AUBERVILLIERS));
            h.accept(h.claim(AGNES));
            h.reject(h.cancel(AGNES), RejectionReasons.NOT_ALLOWED);
            h.reject(h.cancel(MEDIATION), RejectionReasons.NOT_ALLOWED);
            h.accept(h.cancel(CAMILLE));
            assertEquals(JourneyStatus.CANCELLED, h.state.status());
            assertNull(h.state.claim());
        }

        @Test
        void terminalJourneysRejectEveryCommand() {
            for (Function<Harness, JourneyCommand> ending : List.<Function<Harness, JourneyCommand>>of(
                    h -> h.cancel(CAMILLE), h -> h.abandon(CAMILLE))) {
                Harness h = started(CAMILLE, CNI);
                h.accept(ending.apply(h));
                List<JourneyCommand> commands = List.of(h.submit(CAMILLE, "identite"), h.goBack(CAMILLE, "identite"),
                        h.handoff(CAMILLE, Channel.DESK, AUBERVILLIERS), h.claim(AGNES), h.release(AGNES),
                        h.presence(APPOINTMENTS, AUBERVILLIERS), h.verify(PAUL, Duration.ofMinutes(5)),
                        h.grant(CAMILLE, AUBERVILLIERS, MandateDuration.ONE_DAY), h.revoke(CAMILLE, UUID.randomUUID()),
                        h.escalate(MEDIATION, UUID.randomUUID()), h.deescalate(MEDIATION, UUID.randomUUID()),
                        h.abandon(CAMILLE), h.cancel(CAMILLE));
                for (JourneyCommand command : commands) {
                    h.reject(command, h.valid("identite"), RejectionReasons.JOURNEY_CLOSED);
                }
                h.reject(h.start(CAMILLE, CNI), RejectionReasons.JOURNEY_EXISTS);
            }
        }

        @Test
        void completedJourneyRejectsEveryCommand() {
            Harness h = started(CAMILLE, "changement-adresse");
            for (int i = 0; i < 4; i++) {
                h.submitCurrent(CAMILLE);
            }
            h.reject(h.submit(CAMILLE, "confirmation"), h.valid("confirmation"), RejectionReasons.JOURNEY_CLOSED);
            h.reject(h.goBack(CAMILLE, "identite"), RejectionReasons.JOURNEY_CLOSED);
            h.reject(h.escalate(MEDIATION, UUID.randomUUID()), RejectionReasons.JOURNEY_CLOSED);
        }
    }

    @Test
    void everyReasonIsKebabCaseAndListed() {
        for (String reason : RejectionReasons.all()) {
            assertTrue(reason.matches("^[a-z]+(-[a-z]+)*$"), reason);
        }
        assertEquals(RejectionReasons.all().size(), Set.copyOf(RejectionReasons.all()).size());
    }
}
