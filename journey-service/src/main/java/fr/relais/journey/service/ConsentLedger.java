package fr.relais.journey.service;

import fr.relais.events.journey.Actor;
import fr.relais.journey.domain.ConsentPurpose;
import fr.relais.journey.persistence.ConsentEntity;
import fr.relais.journey.persistence.PersonEntity;
import io.smallrye.mutiny.Uni;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * The one way a consent changes: a dated record is given or withdrawn, and the person's consent columns (what the
 * readers honour) follow, in the caller's transaction. Whoever changes a consent goes through here.
 */
public final class ConsentLedger {

    private ConsentLedger() {
    }

    /** The purposes she consents to now. */
    public static Set<ConsentPurpose> held(PersonEntity p) {
        EnumSet<ConsentPurpose> held = EnumSet.noneOf(ConsentPurpose.class);
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            if (holds(p, purpose)) {
                held.add(purpose);
            }
        }
        return held;
    }

    public static boolean holds(PersonEntity p, ConsentPurpose purpose) {
        return switch (purpose) {
            case EMAIL_MESSAGES -> p.consentEmail;
            case SMS_MESSAGES -> p.consentSms;
            case LETTERS -> p.consentLetter;
            case CALLS -> p.consentPhone;
            case SURVEYS -> p.consentSurveys;
        };
    }

    /**
     * Gives what {@code wanted} adds and withdraws what it leaves out, each dated {@code now} with the actor's channel
     * and role. The person must be persisted already (the records point at her).
     */
    public static Uni<Void> align(PersonEntity p, Set<ConsentPurpose> wanted, Actor actor, Instant now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ConsentPurpose purpose : ConsentPurpose.values()) {
            boolean want = wanted.contains(purpose);
            if (want == holds(p, purpose)) {
                continue;
            }
            set(p, purpose, want);
            chain = chain.call(() -> want ? give(p.id, purpose, actor, now) : withdraw(p.id, purpose, actor, now));
        }
        return chain;
    }

    /** The purposes a desk or phone form ticks. */
    public static Set<ConsentPurpose> of(PersonViews.Consents consents) {
        EnumSet<ConsentPurpose> wanted = EnumSet.noneOf(ConsentPurpose.class);
        if (consents == null) {
            return wanted;
        }
        addIf(wanted, consents.email(), ConsentPurpose.EMAIL_MESSAGES);
        addIf(wanted, consents.sms(), ConsentPurpose.SMS_MESSAGES);
        addIf(wanted, consents.letter(), ConsentPurpose.LETTERS);
        addIf(wanted, consents.phone(), ConsentPurpose.CALLS);
        addIf(wanted, consents.surveys(), ConsentPurpose.SURVEYS);
        return wanted;
    }

    /** Her records go with her when she is erased: they would point at nobody. */
    public static Uni<Void> forget(UUID personId) {
        return ConsentEntity.delete("personId", personId).replaceWithVoid();
    }

    static void addIf(Set<ConsentPurpose> set, boolean condition, ConsentPurpose purpose) {
        if (condition) {
            set.add(purpose);
        }
    }

    private static void set(PersonEntity p, ConsentPurpose purpose, boolean held) {
        switch (purpose) {
            case EMAIL_MESSAGES -> p.consentEmail = held;
            case SMS_MESSAGES -> p.consentSms = held;
            case LETTERS -> p.consentLetter = held;
            case CALLS -> p.consentPhone = held;
            case SURVEYS -> p.consentSurveys = held;
        }
    }

    private static Uni<?> give(UUID personId, ConsentPurpose purpose, Actor actor, Instant now) {
        ConsentEntity c = new ConsentEntity();
        c.id = UUID.randomUUID();
        c.personId = personId;
        c.purpose = purpose.code();
        c.givenAt = now;
        c.givenVia = actor.channel().wire();
        c.givenByRole = ActorRoles.primary(actor);
        return c.persist();
    }

    private static Uni<?> withdraw(UUID personId, ConsentPurpose purpose, Actor actor, Instant now) {
        return ConsentEntity.update("withdrawnAt = ?1, withdrawnVia = ?2, withdrawnByRole = ?3 "
                        + "where personId = ?4 and purpose = ?5 and withdrawnAt is null",
                now, actor.channel().wire(), ActorRoles.primary(actor), personId, purpose.code());
    }
}
