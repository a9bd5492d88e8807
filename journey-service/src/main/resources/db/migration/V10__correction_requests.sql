-- "Corriger" (#22): a citizen asks to correct her identity (names, birth date) on her person record; a counter agent
-- who saw her identity document applies or refuses it. The requested value is personal data: sealed with her key.
CREATE TABLE correction_request (
    id              UUID PRIMARY KEY,
    person_id       UUID        NOT NULL REFERENCES person (id),
    field           TEXT        NOT NULL CHECK (field IN ('given-names', 'family-name', 'birth-date')),
    requested_value TEXT        NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('open', 'applied', 'refused')),
    requested_at    TIMESTAMPTZ NOT NULL,
    decided_at      TIMESTAMPTZ,
    decided_by      TEXT,
    decided_site    TEXT,
    refusal_reason  TEXT CHECK (refusal_reason IN ('document-does-not-match', 'no-document', 'not-a-correction'))
);
CREATE INDEX correction_request_open ON correction_request (requested_at) WHERE status = 'open';
CREATE INDEX correction_request_by_person ON correction_request (person_id, requested_at);
