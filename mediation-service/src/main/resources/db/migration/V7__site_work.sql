-- Agents' workload per site (issue #21): each hand-off to a site and each claim by an agent there, once (source_id is
-- the journey event's), so the experience API can tell journeys handled, the wait for an agent and claims per
-- agent-hour. The agent is a pseudonymous sub, used only to count distinct agent-hours; it never leaves the service.
CREATE TABLE site_work (
    id         BIGSERIAL PRIMARY KEY,
    source_id  TEXT        NOT NULL UNIQUE,
    journey_id UUID        NOT NULL,
    site       TEXT        NOT NULL,
    kind       TEXT        NOT NULL CHECK (kind IN ('handoff', 'claim')),
    agent      TEXT,
    at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX site_work_site_time ON site_work (site, at);
CREATE INDEX site_work_journey ON site_work (journey_id, at);
