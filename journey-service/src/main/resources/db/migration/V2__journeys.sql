-- The journey store. journey_event is append-only and the source of truth; journey holds the current
-- state (the fold of its events) so reads and decisions need one row.
CREATE TABLE journey (
    id                UUID PRIMARY KEY,
    procedure_id      TEXT        NOT NULL,
    procedure_version INT         NOT NULL,
    citizen_subject   TEXT        NOT NULL,
    status            TEXT        NOT NULL,
    current_step      TEXT,
    version           BIGINT      NOT NULL,
    resume_code       CHAR(8)     NOT NULL,
    state             JSONB       NOT NULL,
    handoff_channel   TEXT,
    handoff_site      TEXT,
    handoff_at        TIMESTAMPTZ,
    started_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);
-- A resume code is unique among live journeys; it stops working when its journey ends.
CREATE UNIQUE INDEX journey_live_resume_code ON journey (resume_code)
    WHERE status IN ('IN_PROGRESS', 'HANDOFF_PENDING', 'WITH_AGENT', 'ESCALATED');
CREATE INDEX journey_by_citizen ON journey (citizen_subject, updated_at DESC);
CREATE INDEX journey_handoff_queue ON journey (handoff_channel, handoff_site, handoff_at) WHERE handoff_channel IS NOT NULL;

CREATE TABLE journey_event (
    journey_id  UUID        NOT NULL REFERENCES journey (id),
    sequence    BIGINT      NOT NULL,
    event_id    UUID        NOT NULL UNIQUE,
    type        TEXT        NOT NULL,
    payload     JSONB       NOT NULL,
    command_id  UUID        NOT NULL,
    channel     TEXT        NOT NULL,
    actor_role  TEXT,
    actor_site  TEXT,
    occurred_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (journey_id, sequence)
);

-- Every command's outcome, so a redelivered command is answered the same way and applied once.
CREATE TABLE processed_command (
    command_id   UUID PRIMARY KEY,
    journey_id   UUID        NOT NULL,
    outcome      JSONB       NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Personal data: form answers and the check value stay here, never in events or on Kafka.
CREATE TABLE journey_answer (
    journey_id UUID        NOT NULL REFERENCES journey (id),
    step_id    TEXT        NOT NULL,
    field      TEXT        NOT NULL,
    value      TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (journey_id, step_id, field)
);
CREATE TABLE journey_check_value (
    journey_id  UUID PRIMARY KEY REFERENCES journey (id),
    check_value TEXT NOT NULL
);

-- Every staff read or action on a journey, shown to the citizen.
CREATE TABLE access_log (
    id            BIGSERIAL PRIMARY KEY,
    journey_id    UUID        NOT NULL REFERENCES journey (id),
    at            TIMESTAMPTZ NOT NULL,
    actor_subject TEXT        NOT NULL,
    actor_role    TEXT        NOT NULL,
    actor_site    TEXT,
    channel       TEXT        NOT NULL,
    action        TEXT        NOT NULL,
    reason        TEXT        NOT NULL
);
CREATE INDEX access_log_by_journey ON access_log (journey_id, at);

-- Resume-code lookups, for rate limits per caller and per code (rows older than an hour are purged).
CREATE TABLE resume_lookup (
    id            BIGSERIAL PRIMARY KEY,
    caller        TEXT        NOT NULL,
    resume_code   TEXT        NOT NULL,
    succeeded     BOOLEAN     NOT NULL,
    at            TIMESTAMPTZ NOT NULL
);
CREATE INDEX resume_lookup_by_caller ON resume_lookup (caller, at);
CREATE INDEX resume_lookup_by_code ON resume_lookup (resume_code, at);
