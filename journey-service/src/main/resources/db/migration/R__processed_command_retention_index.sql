-- The retention purge (messaging-support) deletes the oldest decided commands in batches; this index lets each batch
-- find them without reading the whole table (processed_at only grows with inserts, so it stays cheap). Repeatable and
-- idempotent: versions in this history are shared with db/relais-messaging and with other changes under way.
CREATE INDEX IF NOT EXISTS processed_command_processed_at ON processed_command (processed_at);
