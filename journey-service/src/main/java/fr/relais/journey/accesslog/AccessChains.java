package fr.relais.journey.accesslog;

import fr.relais.journey.persistence.AccessChainEntity;
import fr.relais.journey.persistence.AccessLogEntity;
import fr.relais.journey.persistence.JourneyEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.LockModeType;

import java.util.UUID;

/**
 * Appends an entry to its chain, in the caller's transaction: the chain's head row is locked until the transaction
 * ends, so two staff reads of the same person's data are chained one after the other, never forked.
 */
public final class AccessChains {

    private static final String CREATE_HEAD =
            "insert into access_chain (chain_id, length, head_hash) values (:chain, 0, :genesis) on conflict do nothing";

    private AccessChains() {
    }

    public static Uni<Void> append(AccessLogEntity entry) {
        entry.at = LoggedAccess.storable(entry.at);
        return chainOf(entry).flatMap(chainId -> Panache.getSession().flatMap(session -> session.createNativeQuery(CREATE_HEAD)
                .setParameter("chain", chainId).setParameter("genesis", EntryHash.GENESIS).executeUpdate()
                .flatMap(ignored -> session.find(AccessChainEntity.class, chainId, LockModeType.PESSIMISTIC_WRITE))
                .flatMap(head -> {
                    entry.chainId = chainId;
                    entry.chainSeq = head.length + 1;
                    entry.previousHash = head.headHash;
                    entry.entryHash = EntryHash.of(head.headHash, contentOf(entry));
                    head.length = entry.chainSeq;
                    head.headHash = entry.entryHash;
                    return entry.persist();
                }))).replaceWithVoid();
    }

    /** The person's chain when the entry names her or the journey belongs to her; else the journey's own. */
    private static Uni<UUID> chainOf(AccessLogEntity entry) {
        if (entry.personId != null) {
            return Uni.createFrom().item(entry.personId);
        }
        return JourneyEntity.<JourneyEntity>findById(entry.journeyId)
                .map(journey -> journey == null || journey.personId == null ? entry.journeyId : journey.personId);
    }

    static LoggedAccess contentOf(AccessLogEntity e) {
        return new LoggedAccess(e.chainId, e.chainSeq, e.at, e.journeyId, e.personId, e.actorSubject, e.actorRole, e.actorSite,
                e.channel, e.action, e.reason);
    }
}
