-- What mediation-service knows about a journey: its procedure (from journey-started) and its last site.
-- The row is also the per-journey lock that serialises the consumers of the three topics.
CREATE TABLE journey_context (
    journey_id        UUID PRIMARY KEY,
    procedure_id      TEXT,
    procedure_version INT,
    last_site         TEXT,
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Every friction signal and channel observation, once: source_id is the touchpoint id, the CloudEvents id
-- or a derived key, so a redelivered or replayed record never counts twice.
CREATE TABLE signal (
    id          BIGSERIAL PRIMARY KEY,
    source_id   TEXT        NOT NULL UNIQUE,
    journey_id  UUID        NOT NULL,
    kind        TEXT        NOT NULL,
    step_id     TEXT,
    channel     TEXT,
    site        TEXT,
    count       INT         NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX signal_journey_time ON signal (journey_id, occurred_at);

-- The latest score of each journey with its explanation (contributions as JSON).
CREATE TABLE friction_score (
    journey_id     UUID PRIMARY KEY,
    score          DOUBLE PRECISION NOT NULL CHECK (score >= 0),
    threshold      DOUBLE PRECISION NOT NULL,
    policy_version INT              NOT NULL,
    procedure_id   TEXT,
    evaluated_at   TIMESTAMPTZ      NOT NULL,
    contributions  JSONB            NOT NULL,
    updated_at     TIMESTAMPTZ      NOT NULL DEFAULT now()
);

CREATE TABLE mediation_case (
    id                   UUID PRIMARY KEY,
    journey_id           UUID             NOT NULL,
    status               TEXT             NOT NULL CHECK (status IN ('OPEN', 'CLAIMED', 'RESOLVED')),
    priority             TEXT             NOT NULL,
    priority_rank        INT              NOT NULL,
    pool                 TEXT             NOT NULL,
    tier                 INT              NOT NULL DEFAULT 0,
    score                DOUBLE PRECISION NOT NULL,
    policy_version       INT              NOT NULL,
    reason_code          TEXT             NOT NULL,
    procedure_id         TEXT,
    step_id              TEXT,
    claimed_by           TEXT,
    opened_at            TIMESTAMPTZ      NOT NULL,
    claimed_at           TIMESTAMPTZ,
    first_contact_at     TIMESTAMPTZ,
    resolved_at          TIMESTAMPTZ,
    outcome              TEXT,
    first_contact_due_at TIMESTAMPTZ      NOT NULL,
    resolution_due_at    TIMESTAMPTZ      NOT NULL,
    contact_attempts     INT              NOT NULL DEFAULT 0
);
-- One open case per journey, whatever the races: the database says no to a second one.
CREATE UNIQUE INDEX one_open_case_per_journey ON mediation_case (journey_id) WHERE status <> 'RESOLVED';
CREATE INDEX case_queue ON mediation_case (pool, priority_rank, first_contact_due_at) WHERE status <> 'RESOLVED';

-- What happened to a case, in order. Notes are short and checked for personal data; they never leave the service.
CREATE TABLE case_history (
    id       BIGSERIAL PRIMARY KEY,
    case_id  UUID        NOT NULL REFERENCES mediation_case (id),
    at       TIMESTAMPTZ NOT NULL,
    action   TEXT        NOT NULL,
    actor    TEXT        NOT NULL,
    code     TEXT,
    note     TEXT
);
CREATE INDEX case_history_case ON case_history (case_id, id);

-- SLA timers as due rows: polled with FOR UPDATE SKIP LOCKED, so they fire after a restart and
-- on exactly one instance. fired_at is set in the same transaction as the events they cause.
CREATE TABLE sla_timer (
    id       BIGSERIAL PRIMARY KEY,
    case_id  UUID        NOT NULL REFERENCES mediation_case (id),
    sla      TEXT        NOT NULL CHECK (sla IN ('first-contact', 'resolution')),
    breach   BOOLEAN     NOT NULL,
    due_at   TIMESTAMPTZ NOT NULL,
    fired_at TIMESTAMPTZ,
    result   TEXT,
    UNIQUE (case_id, sla, breach)
);
CREATE INDEX sla_timer_due ON sla_timer (due_at) WHERE fired_at IS NULL;
