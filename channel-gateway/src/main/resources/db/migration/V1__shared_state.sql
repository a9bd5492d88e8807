-- What every gateway instance must see alike, so that N instances behind a round-robin balancer behave as one.
-- Nothing here is personal data: subjects are opaque token ids, keys and bodies are stored as SHA-256 hashes.
-- Every row has an expiry; store.ExpiredRows deletes expired rows in batches.

-- A command answered 202 (its outcome wait ran out): whoever polls it on any instance is told "pending" until
-- journey-service has its outcome.
CREATE TABLE pending_command (
    command_id UUID PRIMARY KEY,
    subject    TEXT        NOT NULL,
    journey_id UUID,
    issued_at  TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX pending_command_expiry ON pending_command (expires_at);

-- The first request of each (caller, Idempotency-Key): scope = sha256(subject, key), fingerprint = method, path, sha256(body).
CREATE TABLE idempotency_key (
    scope         TEXT PRIMARY KEY,
    fingerprint   TEXT        NOT NULL,
    first_used_at TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX idempotency_key_expiry ON idempotency_key (expires_at);

-- A token bucket per caller for client-side signals; a bucket idle long enough is full again, as good as no row.
CREATE TABLE signal_bucket (
    caller     TEXT PRIMARY KEY,
    tokens     DOUBLE PRECISION NOT NULL,
    updated_at TIMESTAMPTZ      NOT NULL,
    expires_at TIMESTAMPTZ      NOT NULL
);
CREATE INDEX signal_bucket_expiry ON signal_bucket (expires_at);

-- One row per open live stream, renewed by the instance serving it: a crashed instance's rows expire by themselves.
CREATE TABLE live_stream (
    id         UUID PRIMARY KEY,
    caller     TEXT        NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX live_stream_caller ON live_stream (caller, expires_at);
CREATE INDEX live_stream_expiry ON live_stream (expires_at);
