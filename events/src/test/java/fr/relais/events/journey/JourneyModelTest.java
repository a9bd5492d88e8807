package fr.relais.events.journey;

import fr.relais.events.ContractJson;
import fr.relais.events.Samples;
import fr.relais.events.channel.Channel;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The small rules the records themselves carry. */
class JourneyModelTest {

    @Test
    void mandatesExpireAfterAFixedLength() {
        Instant granted = Instant.parse("2026-01-31T10:00:00Z");
        assertEquals(Instant.parse("2026-02-01T10:00:00Z"), MandateDuration.ONE_DAY.expiresAt(granted));
        assertEquals(Instant.parse("2026-02-07T10:00:00Z"), MandateDuration.ONE_WEEK.expiresAt(granted));
        assertEquals(Instant.parse("2026-03-02T10:00:00Z"), MandateDuration.ONE_MONTH.expiresAt(granted));
    }

    /** Additive evolution: an Escalate written before cases named their pool still reads, with no pool. */
    @Test
    void anEscalateWithoutPoolStillReads() throws Exception {
        Escalate withPool = (Escalate) Samples.of(Escalate.class);
        String json = ContractJson.mapper().writeValueAsString(withPool);
        assertTrue(json.contains("\"pool\":\"93\""), json);
        Escalate old = ContractJson.mapper().readValue(json.replace(",\"pool\":\"93\"", ""), Escalate.class);
        assertEquals(null, old.pool());
        assertEquals(withPool.caseId(), old.caseId());
        assertEquals(withPool, ContractJson.mapper().readValue(json, Escalate.class));
    }

    @Test
    void handoffReasonsAreAClosedListOfCodes() {
        assertEquals(Set.of("citizen-choice", "needs-help", "identity-check", "documents-help"), HandoffReasons.all());
        assertTrue(HandoffReasons.isKnown("needs-help"));
        assertFalse(HandoffReasons.isKnown("Mme Martin ne sait pas lire"));
        assertFalse(HandoffReasons.isKnown(null));
        HandoffReasons.all().forEach(code -> assertTrue(code.matches("^[a-z0-9][a-z0-9-]{0,63}$"), code));
    }

    @Test
    void onlyCompletedAbandonedAndCancelledAreTerminal() {
        for (JourneyStatus status : JourneyStatus.values()) {
            boolean terminal = Set.of(JourneyStatus.COMPLETED, JourneyStatus.ABANDONED, JourneyStatus.CANCELLED)
                    .contains(status);
            assertEquals(terminal, status.isTerminal(), status.name());
        }
    }

    @Test
    void anActorNeedsASubjectAndServicesActOnTheSystemChannel() {
        assertThrows(IllegalArgumentException.class, () -> new Actor(" ", Set.of(), null, Channel.PORTAL));
        assertThrows(NullPointerException.class, () -> new Actor("sub", Set.of(), null, null));
        assertEquals(Set.of(), new Actor("sub", null, null, Channel.PHONE).roles());
        Actor system = Actor.system("mediation-service");
        assertEquals(Channel.SYSTEM, system.channel());
        assertTrue(system.roles().isEmpty());
    }

    @Test
    void requiredFieldsAndSequencesAreCheckedOnConstruction() {
        assertThrows(NullPointerException.class, () -> new GoBack(null, Samples.JOURNEY, Samples.CITIZEN,
                Samples.AT, "identite"));
        assertThrows(IllegalArgumentException.class, () -> new JourneyCompleted(Samples.JOURNEY, 0, Samples.AT,
                Samples.CITIZEN));
        StepCompleted step = (StepCompleted) Samples.of(StepCompleted.class);
        assertThrows(UnsupportedOperationException.class, () -> step.fieldNames().add("x"));
    }

    @Test
    void channelsReadOnlyTheirLowercaseNames() {
        assertEquals(Channel.DESK, Channel.fromWire("desk"));
        assertThrows(IllegalArgumentException.class, () -> Channel.fromWire("DESK"));
        assertFalse(Channel.SYSTEM.wire().isEmpty());
    }
}
