-- Tamper-evident access log (#22): every entry carries the hash of the previous entry of its chain (one chain per
-- person, or per journey while it belongs to no person record). Entries written before V6 stay unchained (NULLs);
-- the verifier counts them apart.
ALTER TABLE access_log ADD COLUMN chain_id UUID;
ALTER TABLE access_log ADD COLUMN chain_seq BIGINT;
ALTER TABLE access_log ADD COLUMN previous_hash BYTEA;
ALTER TABLE access_log ADD COLUMN entry_hash BYTEA;
-- one entry per position: two writers can never fork a chain (the head row below serialises them)
CREATE UNIQUE INDEX access_log_chain_position ON access_log (chain_id, chain_seq) WHERE chain_id IS NOT NULL;

-- The head of each chain, locked by the writer that appends to it. Not trusted by the verifier: it recomputes the
-- chains from the entries; this row only says where to append.
CREATE TABLE access_chain (
    chain_id   UUID PRIMARY KEY,
    length     BIGINT NOT NULL,
    head_hash  BYTEA  NOT NULL
);

-- The signed daily digests: the length and head hash of every chain when it was made, their root, and the Ed25519
-- signature of the header and root. day is set for the daily digest (one per day), null for one made on request.
CREATE TABLE access_log_digest (
    id          BIGSERIAL PRIMARY KEY,
    day         DATE UNIQUE,
    made_at     TIMESTAMPTZ NOT NULL,
    chains      BIGINT      NOT NULL,
    entries     BIGINT      NOT NULL,
    root        BYTEA       NOT NULL,
    key_id      TEXT        NOT NULL,
    signature   BYTEA       NOT NULL
);
CREATE TABLE access_log_digest_chain (
    digest_id   BIGINT NOT NULL REFERENCES access_log_digest (id),
    chain_id    UUID   NOT NULL,
    length      BIGINT NOT NULL,
    head_hash   BYTEA  NOT NULL,
    PRIMARY KEY (digest_id, chain_id)
);
