-- The retention purge (fr.relais.messaging.retention) deletes the oldest rows in batches; these indexes let each
-- batch find them without reading the whole table. Their columns are written once and only grow, so the indexes
-- stay cheap (the outbox's publication update already touches an indexed column: outbox_unpublished's predicate).
-- Repeatable and idempotent for the same reason as R__relais_lease.sql.
CREATE INDEX IF NOT EXISTS outbox_published_at ON outbox (published_at) WHERE published_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS processed_message_processed_at ON processed_message (processed_at);
