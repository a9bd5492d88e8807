package fr.relais.journey.service;

import fr.relais.events.journey.Actor;
import fr.relais.journey.domain.ConsentPurpose;
import fr.relais.journey.persistence.ConsentEntity;
import fr.relais.journey.persistence.PersonEntity;
import fr.relais.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * A citizen gives and withdraws her consents one purpose at a time, on the person record linked to her account. Each
 * change is a dated record ({@link ConsentLedger}) and an entry of her access log; giving or withdrawing what is
 * already so changes nothing.
 */
@ApplicationScoped
public class MyConsents {

    static final String CHANGE_ACTION = "consent-change";

    @Inject
    Clock clock;

    @WithSession
    public Uni<ConsentViews.Mine> mine(Actor citizen) {
        return ofAccount(citizen, false).flatMap(MyConsents::view);
    }

    @WithTransaction
    public Uni<ConsentViews.Mine> give(String purposeCode, Actor citizen) {
        return Uni.createFrom().item(purposeCode).map(MyConsents::purpose).flatMap(purpose -> change(citizen, purpose, true));
    }

    @WithTransaction
    public Uni<ConsentViews.Mine> withdraw(String purposeCode, Actor citizen) {
        return Uni.createFrom().item(purposeCode).map(MyConsents::purpose).flatMap(purpose -> change(citizen, purpose, false));
    }

    private Uni<ConsentViews.Mine> change(Actor citizen, ConsentPurpose purpose, boolean give) {
        Instant now = clock.instant();
        return ofAccount(citizen, true).flatMap(p -> {
            if (p == null) {
                return Uni.createFrom().failure(ProblemException.conflict("no-person-record",
                        "enregistrez d'abord vos coordonnées : votre compte n'a pas encore de dossier"));
            }
            return apply(p, purpose, give, citizen, MyContacts.CHANGE_REASON, now).flatMap(ignored -> view(p));
        });
    }

    /**
     * Gives or withdraws one purpose of hers, dated, with an entry of her access log ({@code reason}); nothing when it
     * is so already. A purpose whose contact she has not given cannot be given (409 contact-missing).
     */
    static Uni<Void> apply(PersonEntity p, ConsentPurpose purpose, boolean give, Actor actor, String reason, Instant now) {
        if (give && missing(p, purpose)) {
            return Uni.createFrom().failure(ProblemException.conflict("contact-missing", needs(purpose)));
        }
        if (ConsentLedger.holds(p, purpose) == give) {
            return Uni.createFrom().voidItem();
        }
        Set<ConsentPurpose> wanted = EnumSet.noneOf(ConsentPurpose.class);
        wanted.addAll(ConsentLedger.held(p));
        if (give) {
            wanted.add(purpose);
        } else {
            wanted.remove(purpose);
        }
        return ConsentLedger.align(p, wanted, actor, now)
                .call(() -> AccessLogWriter.person(p.id, actor, CHANGE_ACTION, reason, now))
                .call(Panache::flush);
    }

    /** Every record of hers, newest first; also her data export's. */
    static Uni<List<ConsentViews.Entry>> history(UUID personId) {
        return ConsentEntity.<ConsentEntity>list("personId", Sort.descending("givenAt"), personId)
                .map(rows -> rows.stream().map(c -> new ConsentViews.Entry(c.purpose, c.givenAt, c.givenVia, c.givenByRole,
                        c.withdrawnAt, c.withdrawnVia, c.withdrawnByRole)).toList());
    }

    private static Uni<ConsentViews.Mine> view(PersonEntity p) {
        if (p == null) {
            return Uni.createFrom().item(new ConsentViews.Mine(false, Arrays.stream(ConsentPurpose.values())
                    .map(purpose -> new ConsentViews.Purpose(purpose.code(), false, null, null, contact(purpose), false))
                    .toList(), List.of()));
        }
        return history(p.id).map(history -> new ConsentViews.Mine(true, Arrays.stream(ConsentPurpose.values())
                .map(purpose -> {
                    ConsentViews.Entry inForce = history.stream()
                            .filter(e -> e.purpose().equals(purpose.code()) && e.withdrawnAt() == null).findFirst().orElse(null);
                    boolean given = ConsentLedger.holds(p, purpose);
                    return new ConsentViews.Purpose(purpose.code(), given, given && inForce != null ? inForce.givenAt() : null,
                            given && inForce != null ? inForce.givenVia() : null, contact(purpose), missing(p, purpose));
                }).toList(), history));
    }

    private static boolean missing(PersonEntity p, ConsentPurpose purpose) {
        return switch (purpose.needs()) {
            case EMAIL -> p.email == null;
            case PHONE -> p.phone == null;
            case ADDRESS -> p.addressLine == null;
            case NONE -> false;
        };
    }

    private static String contact(ConsentPurpose purpose) {
        return purpose.needs().name().toLowerCase(Locale.ROOT);
    }

    private static String needs(ConsentPurpose purpose) {
        return switch (purpose.needs()) {
            case EMAIL -> "cet accord demande une adresse e-mail : ajoutez-la d'abord à vos coordonnées";
            case PHONE -> "cet accord demande un numéro de téléphone : ajoutez-le d'abord à vos coordonnées";
            case ADDRESS -> "cet accord demande une adresse postale : ajoutez-la d'abord à vos coordonnées";
            case NONE -> "";
        };
    }

    static ConsentPurpose purpose(String code) {
        return ConsentPurpose.of(code).orElseThrow(() -> ProblemException.invalidField("purpose",
                "unknown purpose; one of " + Arrays.stream(ConsentPurpose.values()).map(ConsentPurpose::code).toList()));
    }

    /** Locked when changing, so that two changes of hers at once are written one after the other. */
    private static Uni<PersonEntity> ofAccount(Actor citizen, boolean lock) {
        var query = PersonEntity.<PersonEntity>find("accountSubject", citizen.subject());
        return (lock ? query.withLock(LockModeType.PESSIMISTIC_WRITE) : query).firstResult();
    }
}
