-- The W3C traceparent of the unit of work that wrote an outbox row (only ids and a sampled flag, never personal
-- data); the relay puts it back as the record's header, so a trace crosses the outbox. Null outside any trace.
-- Repeatable and idempotent for the same reason as R__relais_lease.sql.
ALTER TABLE outbox ADD COLUMN IF NOT EXISTS traceparent TEXT;
