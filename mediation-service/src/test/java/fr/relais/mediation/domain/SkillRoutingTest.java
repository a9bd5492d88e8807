package fr.relais.mediation.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SkillRoutingTest {

    static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    static final Instant DUE = NOW.plus(Duration.ofHours(4));
    static final Set<String> MAYA = Set.of("langue-arabe");

    static MediationCase openCase(Instant firstContactDueAt) {
        return new MediationCase(UUID.randomUUID(), UUID.randomUUID(), CaseStatus.OPEN, Priority.HIGH, "93", 0, 12, 2,
                MediationCase.REASON_THRESHOLD, "cni-renouvellement", "identite", null, NOW, null, null, null, null,
                firstContactDueAt, firstContactDueAt.plus(Duration.ofHours(20)), 0);
    }

    @Test
    void aMediatorMatchesWhenSheHasEverySkill() {
        RequiredSkills arabic = RequiredSkills.of(List.of("langue-arabe"));
        assertThat(SkillRouting.match(arabic, MAYA, DUE, NOW)).isEqualTo(SkillRouting.Match.MATCHED);
        assertThat(SkillRouting.match(RequiredSkills.of(List.of("langue-arabe", "handicap-visuel")), MAYA, DUE, NOW))
                .isEqualTo(SkillRouting.Match.MISSING);
        assertThat(SkillRouting.match(RequiredSkills.of(List.of()), Set.of(), DUE, NOW)).isEqualTo(SkillRouting.Match.NONE_REQUIRED);
        assertThat(SkillRouting.match(RequiredSkills.UNKNOWN, Set.of(), DUE, NOW)).isEqualTo(SkillRouting.Match.UNKNOWN);
    }

    @Test
    void aMissingSkillStopsHerOnlyUntilTheFirstContactDeadline() {
        RequiredSkills arabic = RequiredSkills.of(List.of("langue-arabe"));
        Set<String> marc = Set.of("handicap-visuel");
        assertThat(SkillRouting.match(arabic, marc, DUE, DUE.minusMillis(1))).isEqualTo(SkillRouting.Match.MISSING);
        assertThat(SkillRouting.match(arabic, marc, DUE, DUE)).isEqualTo(SkillRouting.Match.OPEN_TO_ALL);

        MediationCase waiting = openCase(DUE);
        assertThatThrownBy(() -> SkillRouting.requireClaimable(waiting, arabic, marc, NOW))
                .isInstanceOfSatisfying(CaseConflict.class, conflict -> assertThat(conflict.code()).isEqualTo("skill-required"))
                .hasMessageContaining("langue-arabe");
        assertThatCode(() -> SkillRouting.requireClaimable(waiting, arabic, marc, DUE)).doesNotThrowAnyException();
        assertThatCode(() -> SkillRouting.requireClaimable(waiting, arabic, MAYA, NOW)).doesNotThrowAnyException();
        // unknown skills never hold a case back
        assertThatCode(() -> SkillRouting.requireClaimable(waiting, RequiredSkills.UNKNOWN, marc, NOW)).doesNotThrowAnyException();
    }

    @Test
    void aClaimedCaseIsLeftToTheClaimRules() {
        MediationCase claimed = openCase(DUE).claim("maya", NOW);
        assertThatCode(() -> SkillRouting.requireClaimable(claimed, RequiredSkills.of(List.of("langue-arabe")),
                Set.of("handicap-visuel"), NOW)).doesNotThrowAnyException();
    }

    @Test
    void theQueueShowsHerMatchesFirstAndWhatSheMayNotTakeLast() {
        assertThat(SkillRouting.Match.MATCHED.group()).isLessThan(SkillRouting.Match.NONE_REQUIRED.group());
        assertThat(SkillRouting.Match.UNKNOWN.group()).isEqualTo(SkillRouting.Match.OPEN_TO_ALL.group());
        assertThat(SkillRouting.Match.OPEN_TO_ALL.group()).isLessThan(SkillRouting.Match.MISSING.group());
        assertThat(SkillRouting.Match.OPEN_TO_ALL.wire()).isEqualTo("open-to-all");
    }

    @Test
    void requiredSkillsAreStoredAsCodes() {
        assertThat(RequiredSkills.fromStored(null).known()).isFalse();
        assertThat(RequiredSkills.fromStored("").skills()).isEmpty();
        assertThat(RequiredSkills.fromStored("").known()).isTrue();
        assertThat(RequiredSkills.fromStored("langue-arabe,handicap-visuel").skills()).containsExactly("langue-arabe", "handicap-visuel");
        assertThat(RequiredSkills.of(List.of("langue-arabe", "handicap-visuel")).stored()).isEqualTo("langue-arabe,handicap-visuel");
        assertThat(RequiredSkills.UNKNOWN.stored()).isNull();
        assertThatThrownBy(() -> RequiredSkills.of(List.of("Arabic speaker"))).isInstanceOf(IllegalArgumentException.class);
    }
}
