package fr.relais.mediation.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * Routing by skill inside a pool: a case that needs skills (a language, help with a visual or hearing impairment…)
 * goes to a mediator who has them. Kept simple, and never a dead end for the citizen:
 * <ol>
 *   <li>skills unknown (journey-service not asked yet, or not answering): any mediator of the pool may take it,
 *       so a lookup never holds a case back;</li>
 *   <li>no skill needed, or the mediator has every one: she may take it;</li>
 *   <li>she lacks one: refused ({@code skill-required}) until the case's first-contact deadline has passed, then
 *       open to every mediator of the pool: by then, reaching the citizen at all matters more than the skill.</li>
 * </ol>
 * The queue shows each mediator the cases she matches first (only she, or few, can serve them), then the others she
 * may take, then those she may not take yet; the existing order (priority, tier, deadline) holds within each group.
 */
public final class SkillRouting {

    /** How one mediator stands with one case. */
    public enum Match {
        /** The case needs skills and she has them all. */
        MATCHED(0),
        NONE_REQUIRED(1),
        UNKNOWN(1),
        /** She lacks a skill, but the first-contact deadline has passed: open to all. */
        OPEN_TO_ALL(1),
        /** She lacks a skill and the case may still wait for a mediator who has it. */
        MISSING(2);

        private final int group;

        Match(int group) {
            this.group = group;
        }

        /** The queue group: lower comes first. */
        public int group() {
            return group;
        }

        public boolean mayClaim() {
            return this != MISSING;
        }

        public String wire() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private SkillRouting() {
    }

    public static Match match(RequiredSkills required, Set<String> mediatorSkills, Instant firstContactDueAt, Instant now) {
        if (!required.known()) {
            return Match.UNKNOWN;
        }
        if (required.skills().isEmpty()) {
            return Match.NONE_REQUIRED;
        }
        if (required.missingFrom(mediatorSkills).isEmpty()) {
            return Match.MATCHED;
        }
        return now.isBefore(firstContactDueAt) ? Match.MISSING : Match.OPEN_TO_ALL;
    }

    /** Throws {@code skill-required} when this mediator may not take this open case yet. */
    public static void requireClaimable(MediationCase c, RequiredSkills required, Set<String> mediatorSkills, Instant now) {
        if (c.status() != CaseStatus.OPEN) {
            return;
        }
        if (!match(required, mediatorSkills, c.firstContactDueAt(), now).mayClaim()) {
            throw new CaseConflict("skill-required", "this case needs a mediator with " + String.join(", ",
                    required.missingFrom(mediatorSkills)) + "; any mediator of the pool may take it from "
                    + c.firstContactDueAt() + ", its first-contact deadline");
        }
    }
}
