-- Transactional outbox: a state change and the events it publishes commit together; a relay
-- publishes rows in position order and marks them, so a crash between commit and send loses nothing.
CREATE TABLE outbox (
    position       BIGSERIAL PRIMARY KEY,
    id             UUID        NOT NULL UNIQUE,  -- the CloudEvents id, stable across re-sends
    topic          TEXT        NOT NULL,
    record_key     TEXT        NOT NULL,         -- the journey id for journey-scoped records
    ce_type        TEXT        NOT NULL,
    ce_subject     TEXT,
    correlation_id TEXT,
    causation_id   TEXT,
    payload        JSONB       NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_at   TIMESTAMPTZ
);
CREATE INDEX outbox_unpublished ON outbox (position) WHERE published_at IS NULL;

-- Idempotent consumers: a record's id is stored in the same transaction as its effect,
-- so a redelivered record is recognised and skipped.
CREATE TABLE processed_message (
    consumer     TEXT        NOT NULL,
    message_id   TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);
