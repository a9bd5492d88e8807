package fr.relais.journey.accesslog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/** Reads what the verifier checks straight from PostgreSQL (JDBC), entries streamed in chain order. */
final class AccessLogRows {

    private final Connection db;

    AccessLogRows(Connection db) {
        this.db = db;
    }

    long unchained() throws SQLException {
        try (PreparedStatement q = db.prepareStatement("select count(*) from access_log where chain_id is null");
             ResultSet rows = q.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    Map<UUID, Long> headRows() throws SQLException {
        Map<UUID, Long> heads = new HashMap<>();
        try (PreparedStatement q = db.prepareStatement("select chain_id, length from access_chain");
             ResultSet rows = q.executeQuery()) {
            while (rows.next()) {
                heads.put(rows.getObject(1, UUID.class), rows.getLong(2));
            }
        }
        return heads;
    }

    List<StoredDigest> digests() throws SQLException {
        Map<Long, List<ChainHead>> heads = new HashMap<>();
        try (PreparedStatement q = db.prepareStatement("select digest_id, chain_id, length, head_hash from access_log_digest_chain");
             ResultSet rows = q.executeQuery()) {
            while (rows.next()) {
                heads.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>())
                        .add(new ChainHead(rows.getObject(2, UUID.class), rows.getLong(3), rows.getBytes(4)));
            }
        }
        List<StoredDigest> digests = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement(
                "select id, day, made_at, chains, entries, root, key_id, signature from access_log_digest order by id");
             ResultSet rows = q.executeQuery()) {
            while (rows.next()) {
                java.sql.Date day = rows.getDate(2);
                DigestText text = new DigestText(day == null ? null : day.toLocalDate(),
                        rows.getObject(3, OffsetDateTime.class).toInstant(), rows.getLong(4), rows.getLong(5), rows.getBytes(6));
                digests.add(new StoredDigest(rows.getLong(1), text, rows.getString(7), rows.getBytes(8),
                        heads.getOrDefault(rows.getLong(1), List.of())));
            }
        }
        return digests;
    }

    /**
     * Every chained entry, by chain then position; fetched in pages so a large log is not held in memory (the driver
     * pages only inside a transaction: one is opened and rolled back here unless the caller has one open).
     */
    void entries(Consumer<StoredEntry> sink) throws SQLException {
        boolean ownTransaction = db.getAutoCommit();
        db.setAutoCommit(false);
        try (PreparedStatement q = db.prepareStatement("select id, chain_id, chain_seq, at, journey_id, person_id, actor_subject, "
                + "actor_role, actor_site, channel, action, reason, previous_hash, entry_hash from access_log "
                + "where chain_id is not null order by chain_id, chain_seq, id")) {
            q.setFetchSize(1000);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    LoggedAccess content = new LoggedAccess(rows.getObject(2, UUID.class), rows.getLong(3),
                            rows.getObject(4, OffsetDateTime.class).toInstant(), rows.getObject(5, UUID.class),
                            rows.getObject(6, UUID.class), rows.getString(7), rows.getString(8), rows.getString(9),
                            rows.getString(10), rows.getString(11), rows.getString(12));
                    sink.accept(new StoredEntry(rows.getLong(1), content, rows.getBytes(13), rows.getBytes(14)));
                }
            }
        } finally {
            if (ownTransaction) {
                db.rollback();
                db.setAutoCommit(true);
            }
        }
    }
}
