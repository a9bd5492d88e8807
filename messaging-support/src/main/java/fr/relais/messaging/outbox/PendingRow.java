package fr.relais.messaging.outbox;

import io.vertx.core.json.Json;
import io.vertx.mutiny.sqlclient.Row;

import java.time.Instant;
import java.util.UUID;

/** An outbox row the relay is about to publish, as read by its own query. */
record PendingRow(long position, UUID id, String topic, String recordKey, String ceType, String ceSubject,
                  String correlationId, String causationId, String payload, Instant createdAt, String traceparent) {

    static PendingRow of(Row row) {
        return new PendingRow(row.getLong("position"), row.getUUID("id"), row.getString("topic"), row.getString("record_key"),
                row.getString("ce_type"), row.getString("ce_subject"), row.getString("correlation_id"),
                row.getString("causation_id"), compact(row.getValue("payload")), row.getOffsetDateTime("created_at").toInstant(),
                row.getString("traceparent"));
    }

    /**
     * The jsonb as the client decoded it (a JsonObject), written out compact: the bytes Hibernate Reactive published
     * before the relay read its rows itself. PostgreSQL's own text form (payload::text) has a space after every colon
     * and comma.
     */
    private static String compact(Object json) {
        return Json.encode(json);
    }
}
