-- Crypto-shredding (#22): a person's names, birth date and contact details are sealed together with her own data key
-- (AES-256-GCM, the key wrapped by a master key from configuration); each journey has its own key for its answers,
-- check value and call-back number. Erasure destroys the keys: every copy of the ciphertext, backups included, is then
-- unreadable. Rows written before this migration keep their clear columns until the sealing job moves them.
ALTER TABLE person ADD COLUMN sealed TEXT;
ALTER TABLE person ADD COLUMN data_key TEXT;
-- HMAC of the normalised names and birth date under a configured key: exact-match search without the values in clear
ALTER TABLE person ADD COLUMN identity_index TEXT;
ALTER TABLE person ADD COLUMN erased_at TIMESTAMPTZ;
ALTER TABLE person ALTER COLUMN given_names DROP NOT NULL;
ALTER TABLE person ALTER COLUMN family_name DROP NOT NULL;
ALTER TABLE person ALTER COLUMN name_key DROP NOT NULL;
ALTER TABLE person ALTER COLUMN birth_date DROP NOT NULL;
CREATE UNIQUE INDEX person_by_identity_index ON person (identity_index);

ALTER TABLE journey ADD COLUMN data_key TEXT;
ALTER TABLE journey ADD COLUMN erased_at TIMESTAMPTZ;

-- The citizen's erasure requests: what was erased and what stays, with the reason (codes), shown back to her.
CREATE TABLE erasure (
    id            UUID PRIMARY KEY,
    person_id     UUID REFERENCES person (id),
    account_subject TEXT        NOT NULL,
    requested_at  TIMESTAMPTZ NOT NULL,
    erased        JSONB       NOT NULL,
    kept          JSONB       NOT NULL
);
CREATE INDEX erasure_by_account ON erasure (account_subject);
