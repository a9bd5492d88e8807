-- Experience (issue #21): what a journey cost the citizen, by path, and what citizens, agents and procedure owners say.
-- Nothing here names a person: a journey id ties a survey to its path and never leaves the service.

-- The journey's life as journey.events tell it: when and on which channel it started and ended, how, who owns and holds it (pseudonymous subs,
-- for the access rules of the survey), whether it was escalated to a human.
ALTER TABLE journey_context
    ADD COLUMN started_at    TIMESTAMPTZ,
    ADD COLUMN start_channel TEXT,
    ADD COLUMN ended_at      TIMESTAMPTZ,
    ADD COLUMN outcome       TEXT CHECK (outcome IN ('completed', 'abandoned', 'cancelled')),
    ADD COLUMN owner_subject TEXT,
    ADD COLUMN claimed_by    TEXT,
    ADD COLUMN escalated     BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX journey_context_procedure_start ON journey_context (procedure_id, started_at);

-- One survey per journey and moment (the end, or after a hard step). The comment is stored only after personal data
-- (phone numbers, e-mail addresses, postal codes, dates, long numbers) was removed; a moderator publishes it or not.
CREATE TABLE survey_response (
    id                         UUID PRIMARY KEY,
    journey_id                 UUID        NOT NULL,
    moment                     TEXT        NOT NULL CHECK (moment IN ('end', 'step')),
    step_id                    TEXT        NOT NULL DEFAULT '',
    channel                    TEXT        NOT NULL CHECK (channel IN ('portal', 'desk', 'phone', 'sms', 'email')),
    easy_to_understand         SMALLINT CHECK (easy_to_understand BETWEEN 1 AND 5),
    help_when_needed           SMALLINT CHECK (help_when_needed BETWEEN 1 AND 5),
    feeling_compared_to_before SMALLINT CHECK (feeling_compared_to_before BETWEEN 1 AND 5),
    comment                    TEXT,
    comment_status             TEXT        NOT NULL CHECK (comment_status IN ('none', 'pending', 'published', 'rejected')),
    redactions                 INT         NOT NULL DEFAULT 0,
    procedure_id               TEXT,
    procedure_version          INT,
    answered_at                TIMESTAMPTZ NOT NULL,
    moderated_at               TIMESTAMPTZ,
    UNIQUE (journey_id, moment, step_id)
);
CREATE INDEX survey_response_procedure ON survey_response (procedure_id, answered_at);

-- What was hard for an agent on a journey, in one click: a code from a closed list, the agent's role and site, never
-- who the agent is.
CREATE TABLE agent_flag (
    id           BIGSERIAL PRIMARY KEY,
    journey_id   UUID        NOT NULL,
    procedure_id TEXT,
    step_id      TEXT,
    code         TEXT        NOT NULL,
    role         TEXT        NOT NULL,
    site         TEXT,
    flagged_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX agent_flag_procedure ON agent_flag (procedure_id, flagged_at);

-- A procedure owner's public answer to what citizens said, possibly naming the version that changed because of it.
CREATE TABLE owner_answer (
    id                 UUID PRIMARY KEY,
    procedure_id       TEXT        NOT NULL,
    text               TEXT        NOT NULL,
    changed_in_version INT,
    answered_by        TEXT        NOT NULL,
    answered_at        TIMESTAMPTZ NOT NULL
);
CREATE INDEX owner_answer_procedure ON owner_answer (procedure_id, answered_at);
