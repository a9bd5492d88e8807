package fr.relais.mediation.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MediationCaseTest {

    static final FrictionPolicy POLICY = Policies.shipped();
    static final Sla URGENT_SLA = POLICY.slaFor(Priority.URGENT);
    static final Instant T0 = Instant.parse("2026-03-12T09:00:00Z");
    static final UUID JOURNEY = UUID.randomUUID();
    static final String MAYA = "00000000-0000-4000-8000-000000000007";
    static final String OTHER = "00000000-0000-4000-8000-000000000008";

    static MediationCase opened(SignalKind... kinds) {
        List<Signal> signals = new java.util.ArrayList<>();
        int i = 0;
        for (SignalKind kind : kinds) {
            signals.add(new Signal("s" + i++, JOURNEY, kind, "formulaire", "portal", null, 1, T0));
        }
        FrictionScore score = FrictionScorer.score(POLICY, "cni-renouvellement", signals, T0);
        return MediationCase.open(UUID.randomUUID(), score, JOURNEY, POLICY.routing().poolFor("fs-gueret"), POLICY, T0);
    }

    @Test
    void anOpenedCaseCarriesPriorityPoolPolicyVersionAndSlaDeadlines() {
        MediationCase c = opened(SignalKind.HELP_REQUESTED);
        assertThat(c.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(c.priority()).isEqualTo(Priority.HIGH);
        assertThat(c.pool()).isEqualTo("23");
        assertThat(c.policyVersion()).isEqualTo(1);
        assertThat(c.stepId()).isEqualTo("formulaire");
        assertThat(c.firstContactDueAt()).isEqualTo(T0.plus(Duration.ofHours(4)));
        assertThat(c.resolutionDueAt()).isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(POLICY.routing().poolFor(null)).isEqualTo("93");
    }

    @Test
    void aNoShowAfterRepeatedErrorsIsUrgent() {
        assertThat(opened(SignalKind.NO_SHOW, SignalKind.VALIDATION_ERROR, SignalKind.VALIDATION_ERROR).priority())
                .isEqualTo(Priority.URGENT);
    }

    @Test
    void claimIsExclusiveAndIdempotentForTheSameMediator() {
        MediationCase claimed = opened(SignalKind.HELP_REQUESTED).claim(MAYA, T0.plusSeconds(60));
        assertThat(claimed.status()).isEqualTo(CaseStatus.CLAIMED);
        assertThat(claimed.claim(MAYA, T0.plusSeconds(90))).isSameAs(claimed);
        assertThatThrownBy(() -> claimed.claim(OTHER, T0.plusSeconds(90)))
                .isInstanceOf(CaseConflict.class).extracting("code").isEqualTo("already-claimed");
    }

    @Test
    void contactAndResolutionNeedTheClaimAndAResolvedCaseIsClosed() {
        MediationCase open = opened(SignalKind.HELP_REQUESTED);
        assertThatThrownBy(() -> open.recordContact(MAYA, ContactOutcome.REACHED, T0)).isInstanceOf(CaseConflict.class);
        MediationCase claimed = open.claim(MAYA, T0);
        MediationCase noted = claimed.recordContact(MAYA, ContactOutcome.NOTE, T0.plusSeconds(10));
        assertThat(noted.firstContactAt()).isNull();
        MediationCase contacted = noted.recordContact(MAYA, ContactOutcome.NO_ANSWER, T0.plusSeconds(60))
                .recordContact(MAYA, ContactOutcome.REACHED, T0.plusSeconds(120));
        assertThat(contacted.firstContactAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(contacted.contactAttempts()).isEqualTo(2);
        assertThat(contacted.met(SlaKind.FIRST_CONTACT)).isTrue();
        assertThat(contacted.met(SlaKind.RESOLUTION)).isFalse();
        assertThatThrownBy(() -> contacted.resolve(OTHER, CaseOutcome.HELPED_ONLINE, T0)).isInstanceOf(CaseConflict.class);
        MediationCase resolved = contacted.resolve(MAYA, CaseOutcome.HELPED_ONLINE, T0.plusSeconds(300));
        assertThat(resolved.isOpen()).isFalse();
        assertThat(resolved.outcome()).isEqualTo(CaseOutcome.HELPED_ONLINE);
        assertThatThrownBy(() -> resolved.claim(OTHER, T0)).extracting("code").isEqualTo("case-resolved");
        assertThat(resolved.breached(SlaKind.RESOLUTION, URGENT_SLA, T0)).isSameAs(resolved);
    }

    @Test
    void aBreachClimbsTheLadderAndPutsTheCaseBackInTheQueue() {
        MediationCase claimed = opened(SignalKind.HELP_REQUESTED).claim(MAYA, T0);
        Instant missed = claimed.firstContactDueAt();
        MediationCase breached = claimed.breached(SlaKind.FIRST_CONTACT, URGENT_SLA, missed);
        assertThat(breached.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(breached.claimedBy()).isNull();
        assertThat(breached.priority()).isEqualTo(Priority.URGENT);
        assertThat(breached.tier()).isEqualTo(1);
        assertThat(breached.firstContactDueAt()).as("the first contact is due again, an urgent hour later")
                .isEqualTo(missed.plus(Duration.ofHours(1)));
        assertThat(breached.resolutionDueAt()).isEqualTo(claimed.resolutionDueAt());
        assertThat(breached.breached(SlaKind.RESOLUTION, URGENT_SLA, T0).priority()).isEqualTo(Priority.URGENT);
        assertThat(breached.breached(SlaKind.RESOLUTION, URGENT_SLA, T0).tier()).isEqualTo(2);
    }

    @Test
    void aCaseNobodyContactsKeepsClimbingAfterTheSecondBreach() {
        MediationCase c = opened(SignalKind.HELP_REQUESTED);
        for (int rung = 1; rung <= 4; rung++) {
            Instant missed = c.firstContactDueAt();
            c = c.breached(SlaKind.FIRST_CONTACT, URGENT_SLA, missed);
            assertThat(c.tier()).isEqualTo(rung);
            assertThat(c.firstContactDueAt()).isAfter(missed);
            assertThat(SlaTimer.restart(SlaKind.FIRST_CONTACT, missed, c.firstContactDueAt(), 0.8)).containsExactly(
                    new SlaTimer(SlaKind.FIRST_CONTACT, false, missed.plus(Duration.ofMinutes(48))),
                    new SlaTimer(SlaKind.FIRST_CONTACT, true, missed.plus(Duration.ofHours(1))));
        }
        MediationCase contacted = c.claim(MAYA, T0).recordContact(MAYA, ContactOutcome.REACHED, T0);
        assertThat(contacted.breached(SlaKind.FIRST_CONTACT, URGENT_SLA, T0)).as("met: the ladder stops").isSameAs(contacted);
    }

    @Test
    void timersFireAtRiskAtTheRatioAndBreachAtTheDeadline() {
        MediationCase c = opened(SignalKind.HELP_REQUESTED);
        List<SlaTimer> timers = SlaTimer.plan(c.openedAt(), c.firstContactDueAt(), c.resolutionDueAt(), 0.8);
        assertThat(timers).containsExactly(
                new SlaTimer(SlaKind.FIRST_CONTACT, false, T0.plus(Duration.ofMinutes(192))),
                new SlaTimer(SlaKind.FIRST_CONTACT, true, T0.plus(Duration.ofHours(4))),
                new SlaTimer(SlaKind.RESOLUTION, false, T0.plus(Duration.ofMinutes(1152))),
                new SlaTimer(SlaKind.RESOLUTION, true, T0.plus(Duration.ofHours(24))));
    }

    @Test
    void notesRefuseWhatLooksLikePersonalData() {
        assertThat(Notes.problem("rappel prévu demain matin, dossier incomplet")).isEmpty();
        assertThat(Notes.problem(null)).isEmpty();
        assertThat(Notes.problem("écrire à camille.martin@example.org")).isPresent();
        assertThat(Notes.problem("rappeler au +33 6 12 34 56 78")).isPresent();
        assertThat(Notes.problem("née le 12/03/1984")).isPresent();
        assertThat(Notes.problem("x".repeat(281))).isPresent();
    }
}
