-- The skills a case needs (codes such as langue-arabe, handicap-visuel), asked of journey-service after the case
-- opened: personal data never travels on Kafka, so the case opens first and learns its skills over REST. A due row,
-- like sla_timer: polled with FOR UPDATE SKIP LOCKED, retried with a growing delay while journey-service does not
-- answer, so no case waits on it and no lookup is lost across restarts.
CREATE TABLE case_routing (
    case_id         UUID PRIMARY KEY REFERENCES mediation_case (id),
    -- comma-separated skill codes once known ('' when none is needed); NULL while unknown
    required_skills TEXT,
    known_at        TIMESTAMPTZ,
    attempts        INT         NOT NULL DEFAULT 0,
    next_lookup_at  TIMESTAMPTZ
);
CREATE INDEX case_routing_due ON case_routing (next_lookup_at) WHERE required_skills IS NULL;
