-- Consents (#22): each consent is a dated record with its purpose, given and withdrawn through a channel by someone
-- (her, or an agent on her word); the person's consent_* columns are the current state, written only with a record.
ALTER TABLE person ADD COLUMN consent_surveys BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE consent (
    id                UUID PRIMARY KEY,
    person_id         UUID        NOT NULL REFERENCES person (id) ON DELETE CASCADE,
    purpose           TEXT        NOT NULL CHECK (purpose IN ('messages-email', 'messages-sms', 'messages-letter', 'calls', 'surveys')),
    given_at          TIMESTAMPTZ NOT NULL,
    given_via         TEXT        NOT NULL,
    given_by_role     TEXT        NOT NULL,
    withdrawn_at      TIMESTAMPTZ,
    withdrawn_via     TEXT,
    withdrawn_by_role TEXT,
    CHECK (withdrawn_at IS NULL OR withdrawn_at >= given_at)
);
-- at most one consent in force per purpose
CREATE UNIQUE INDEX consent_in_force ON consent (person_id, purpose) WHERE withdrawn_at IS NULL;
CREATE INDEX consent_by_person ON consent (person_id, given_at);

-- the consents recorded before they were dated: given when the record was created, through the channel that created it
INSERT INTO consent (id, person_id, purpose, given_at, given_via, given_by_role)
SELECT gen_random_uuid(), p.id, c.purpose, p.created_at, 'record', coalesce(p.created_by_role, 'unknown')
FROM person p
CROSS JOIN LATERAL (VALUES ('messages-email', p.consent_email), ('messages-sms', p.consent_sms),
                           ('messages-letter', p.consent_letter), ('calls', p.consent_phone)) AS c (purpose, held)
WHERE c.held AND p.erased_at IS NULL;
