package fr.relais.mediation.service;

import fr.relais.events.mediation.MediationSlaAtRisk;
import fr.relais.events.mediation.MediationSlaBreached;
import fr.relais.mediation.Bus;
import fr.relais.mediation.Db;
import fr.relais.mediation.TestClock;
import fr.relais.mediation.TestTopics;
import fr.relais.events.channel.Channel;
import fr.relais.events.channel.TouchpointKind;
import fr.relais.events.mediation.MediationCaseOpened;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SLA timers are rows, not in-memory timers: rows left due by a previous run (a crash, a restart, a deploy)
 * fire as soon as the scheduler polls, a breach reassigns the case, and a met SLA stays silent.
 */
@QuarkusTest
@QuarkusTestResource(TestTopics.class)
class SlaTimersTest {

    static Bus bus;

    @BeforeAll
    static void connect() {
        bus = new Bus();
    }

    @AfterAll
    static void disconnect() throws Exception {
        bus.close();
    }

    /** A case as a previous run of the service stored it, claimed by a mediator, with its timers already due. */
    static UUID storedCase(UUID journeyId, Instant openedAt, Instant firstContactAt) {
        UUID caseId = UUID.randomUUID();
        Db.update("""
                insert into mediation_case (id, journey_id, status, priority, priority_rank, pool, tier, score, policy_version,
                  reason_code, procedure_id, step_id, claimed_by, opened_at, claimed_at, first_contact_at,
                  first_contact_due_at, resolution_due_at, contact_attempts)
                values (?, ?, 'CLAIMED', 'high', 1, '93', 0, 12.5, 1, 'friction-threshold', 'cni-renouvellement', 'identite',
                  'mediator-x', ?, ?, ?, ?, ?, ?)""",
                caseId, journeyId, Timestamp.from(openedAt), Timestamp.from(openedAt),
                firstContactAt == null ? null : Timestamp.from(firstContactAt),
                Timestamp.from(openedAt.plus(Duration.ofHours(4))), Timestamp.from(openedAt.plus(Duration.ofHours(24))),
                firstContactAt == null ? 0 : 1);
        Db.update("insert into case_history (case_id, at, action, actor, code) values (?, ?, 'opened', 'mediation-service', 'friction-threshold')",
                caseId, Timestamp.from(openedAt));
        Db.update("insert into sla_timer (case_id, sla, breach, due_at) values (?, 'first-contact', false, ?), (?, 'first-contact', true, ?)",
                caseId, Timestamp.from(openedAt.plus(Duration.ofMinutes(192))), caseId, Timestamp.from(openedAt.plus(Duration.ofHours(4))));
        return caseId;
    }

    /**
     * The positive marker before asserting that a timer did not fire: a case whose timers are long due has them fired,
     * so the scheduler ran a pass after the caller's set-up (timers are taken in due order: anything due went with them).
     */
    static void awaitASchedulerPass() {
        UUID marker = storedCase(UUID.randomUUID(), Instant.now().minus(Duration.ofHours(5)), null);
        await("a pass of the SLA scheduler").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
                Db.count("select count(*) from sla_timer where case_id = ? and fired_at is not null", marker) == 2);
        Db.update("update mediation_case set status = 'RESOLVED', resolved_at = now(), outcome = 'helped-online' where id = ?", marker);
    }

    @Test
    void dueTimersFireAfterARestartAndABreachPutsTheCaseBackInTheQueueOneRungUp() {
        UUID journeyId = UUID.randomUUID();
        UUID caseId = storedCase(journeyId, Instant.now().minus(Duration.ofHours(5)), null);

        await().atMost(Duration.ofSeconds(20)).until(() -> bus.mediationOf(journeyId, MediationSlaAtRisk.class).size() == 1
                && bus.mediationOf(journeyId, MediationSlaBreached.class).size() == 1);
        MediationSlaBreached breached = Bus.read(bus.mediationOf(journeyId, MediationSlaBreached.class).get(0), MediationSlaBreached.class);
        assertThat(breached.caseId()).isEqualTo(caseId);
        assertThat(breached.sla()).isEqualTo("first-contact");
        assertThat(breached.priority()).isEqualTo("urgent");
        assertThat(breached.tier()).isEqualTo(1);
        assertThat(Bus.read(bus.mediationOf(journeyId, MediationSlaAtRisk.class).get(0), MediationSlaAtRisk.class).priority())
                .isEqualTo("high");

        Map<String, Object> row = Db.query("select status, priority, tier, claimed_by from mediation_case where id = ?", caseId).get(0);
        assertThat(row).containsEntry("status", "OPEN").containsEntry("priority", "urgent").containsEntry("tier", 1);
        assertThat(row.get("claimed_by")).isNull();
        assertThat(Db.count("select count(*) from sla_timer where case_id = ? and fired_at is not null and result = 'fired'", caseId)).isEqualTo(2);
        assertThat(Db.count("select count(*) from case_history where case_id = ? and action in ('sla-at-risk', 'sla-breached')", caseId)).isEqualTo(2);
    }

    @Test
    void aMetSlaIsMarkedWithoutAnEvent() {
        UUID journeyId = UUID.randomUUID();
        Instant openedAt = Instant.now().minus(Duration.ofHours(5));
        UUID caseId = storedCase(journeyId, openedAt, openedAt.plus(Duration.ofMinutes(30)));

        await().atMost(Duration.ofSeconds(20)).until(() ->
                Db.count("select count(*) from sla_timer where case_id = ? and result = 'met'", caseId) == 2);
        assertThat(bus.mediationOf(journeyId, MediationSlaBreached.class)).isEmpty();
        assertThat(bus.mediationOf(journeyId, MediationSlaAtRisk.class)).isEmpty();
        assertThat(Db.query("select status from mediation_case where id = ?", caseId).get(0)).containsEntry("status", "CLAIMED");
    }

    @Test
    void atRiskFiresAt80PercentAndTheBreachAtTheDeadlineUnderAControllableClock() {
        UUID journeyId = UUID.randomUUID();
        try {
            // "I need help" on the phone at Guéret: high priority, first contact within 4 hours
            bus.touch(Bus.touchpoint(journeyId, TouchpointKind.HELP_REQUESTED, "identite", Channel.PHONE, "fs-gueret",
                    Instant.now()));
            await().atMost(Duration.ofSeconds(20)).until(() -> bus.mediationOf(journeyId, MediationCaseOpened.class).size() == 1);
            MediationCaseOpened opened = Bus.read(bus.mediationOf(journeyId, MediationCaseOpened.class).get(0), MediationCaseOpened.class);
            assertThat(Duration.between(opened.occurredAt(), opened.firstContactDueAt())).isEqualTo(Duration.ofHours(4));

            TestClock.advance(Duration.ofMinutes(191)); // 79.6 %: nothing yet
            awaitASchedulerPass();
            assertThat(Db.count("select count(*) from sla_timer t join mediation_case c on c.id = t.case_id"
                    + " where c.journey_id = ? and t.fired_at is not null", journeyId)).as("timers fired").isZero();
            assertThat(bus.mediationOf(journeyId, MediationSlaAtRisk.class)).isEmpty();

            TestClock.advance(Duration.ofMinutes(2)); // past 80 %
            await().atMost(Duration.ofSeconds(10)).until(() -> bus.mediationOf(journeyId, MediationSlaAtRisk.class).size() == 1);
            assertThat(Bus.read(bus.mediationOf(journeyId, MediationSlaAtRisk.class).get(0), MediationSlaAtRisk.class).sla())
                    .isEqualTo("first-contact");
            assertThat(bus.mediationOf(journeyId, MediationSlaBreached.class)).isEmpty();

            TestClock.advance(Duration.ofMinutes(48)); // past the 4 hours
            await().atMost(Duration.ofSeconds(10)).until(() -> bus.mediationOf(journeyId, MediationSlaBreached.class).size() == 1);
            MediationSlaBreached breached = Bus.read(bus.mediationOf(journeyId, MediationSlaBreached.class).get(0), MediationSlaBreached.class);
            assertThat(breached.priority()).isEqualTo("urgent");
            assertThat(breached.tier()).isEqualTo(1);
            assertThat(bus.mediationOf(journeyId, MediationSlaAtRisk.class)).hasSize(1);
        } finally {
            TestClock.reset();
        }
    }

    @Test
    void aCaseNobodyContactsKeepsClimbingTheLadderBreachAfterBreach() {
        UUID journeyId = UUID.randomUUID();
        try {
            UUID caseId = storedCase(journeyId, Instant.now().minus(Duration.ofHours(5)), null);
            await().atMost(Duration.ofSeconds(20)).until(() -> bus.mediationOf(journeyId, MediationSlaBreached.class).size() == 1);
            // urgent now: the first contact is due again an hour after the breach; nobody makes it
            for (int rung = 2; rung <= 3; rung++) {
                TestClock.advance(Duration.ofMinutes(61));
                int expected = rung;
                await("breach " + rung).atMost(Duration.ofSeconds(20))
                        .until(() -> bus.mediationOf(journeyId, MediationSlaBreached.class).size() == expected);
            }
            assertThat(bus.mediationOf(journeyId, MediationSlaBreached.class).stream()
                    .map(r -> Bus.read(r, MediationSlaBreached.class)).map(b -> b.sla() + "/" + b.priority() + "/" + b.tier()))
                    .containsExactly("first-contact/urgent/1", "first-contact/urgent/2", "first-contact/urgent/3");
            assertThat(Db.query("select tier, status from mediation_case where id = ?", caseId).get(0))
                    .containsEntry("tier", 3).containsEntry("status", "OPEN");
            assertThat(Db.count("select count(*) from sla_timer where case_id = ? and sla = 'first-contact' and fired_at is null",
                    caseId)).as("the next rung's timers wait").isEqualTo(2);
        } finally {
            TestClock.reset();
        }
    }

    @Test
    void timersNotYetDueWait() {
        UUID journeyId = UUID.randomUUID();
        UUID caseId = storedCase(journeyId, Instant.now(), null);
        awaitASchedulerPass();
        assertThat(Db.count("select count(*) from sla_timer where case_id = ? and fired_at is null", caseId)).isEqualTo(2);
    }
}
