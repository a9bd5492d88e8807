-- People who follow a procedure, with or without an account (#16). Personal data: it stays in this database,
-- never on Kafka, in logs or in metrics; events carry the person's id only.
CREATE TABLE person (
    id                  UUID PRIMARY KEY,
    given_names         TEXT        NOT NULL,
    family_name         TEXT        NOT NULL,
    -- normalised family and given names (lower case, no accents, single spaces): a person is found by exact match only
    name_key            TEXT        NOT NULL,
    birth_date          DATE        NOT NULL,
    -- checked: identity document seen at a desk; declared: said on a phone call, not checked
    identity            TEXT        NOT NULL CHECK (identity IN ('checked', 'declared')),
    phone               TEXT,
    email               TEXT,
    address_line        TEXT,
    postcode            TEXT,
    city                TEXT,
    preferred_language  TEXT        NOT NULL DEFAULT 'fr',
    -- codes from a closed list, comma-separated (e.g. handicap-visuel)
    accessibility_needs TEXT        NOT NULL DEFAULT '',
    consent_email       BOOLEAN     NOT NULL DEFAULT FALSE,
    consent_sms         BOOLEAN     NOT NULL DEFAULT FALSE,
    consent_phone       BOOLEAN     NOT NULL DEFAULT FALSE,
    consent_letter      BOOLEAN     NOT NULL DEFAULT FALSE,
    -- the Keycloak subject of the person's account, once she has one and attached a journey
    account_subject     TEXT UNIQUE,
    created_at          TIMESTAMPTZ NOT NULL,
    created_by_role     TEXT        NOT NULL,
    created_by_site     TEXT
);
CREATE UNIQUE INDEX person_same_identity ON person (name_key, birth_date);

-- A journey belongs to a person; one started by an agent belongs to no account until the citizen attaches it.
ALTER TABLE journey ADD COLUMN person_id UUID REFERENCES person (id);
ALTER TABLE journey ALTER COLUMN citizen_subject DROP NOT NULL;
CREATE INDEX journey_by_person ON journey (person_id) WHERE person_id IS NOT NULL;
-- The open call back, if any (from the state), for the phone agents' queue and the due/overdue gauges
ALTER TABLE journey ADD COLUMN callback_id UUID;
ALTER TABLE journey ADD COLUMN callback_due_at TIMESTAMPTZ;
ALTER TABLE journey ADD COLUMN callback_window_ends_at TIMESTAMPTZ;
CREATE INDEX journey_callback_queue ON journey (callback_due_at) WHERE callback_id IS NOT NULL;

-- How to call the citizen back: the number she gave (or her record's) and her consent; personal data, stays here.
CREATE TABLE callback_contact (
    callback_id   UUID PRIMARY KEY,
    journey_id    UUID        NOT NULL REFERENCES journey (id),
    phone         TEXT        NOT NULL,
    consent_at    TIMESTAMPTZ NOT NULL,
    claimed_by    TEXT,
    claimed_at    TIMESTAMPTZ,
    created_at    TIMESTAMPTZ NOT NULL
);

-- Staff reads that concern a person rather than one journey (a search at the desk that found her) are logged too.
ALTER TABLE access_log ALTER COLUMN journey_id DROP NOT NULL;
ALTER TABLE access_log ADD COLUMN person_id UUID REFERENCES person (id);
ALTER TABLE access_log ADD CONSTRAINT access_log_about_someone CHECK (journey_id IS NOT NULL OR person_id IS NOT NULL);
CREATE INDEX access_log_by_person ON access_log (person_id, at) WHERE person_id IS NOT NULL;
