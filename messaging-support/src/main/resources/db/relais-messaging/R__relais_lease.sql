-- Named leases with a single holder across a service's instances (e.g. 'metrics': the one instance that reports
-- gauges of shared state). Repeatable and idempotent, not versioned: the versions of db/relais-messaging and of
-- each service's db/migration share one Flyway history, so a new version number here could collide with a service's.
CREATE TABLE IF NOT EXISTS relais_lease (
    name       TEXT        PRIMARY KEY,
    holder     TEXT        NOT NULL,  -- a per-process id (relais.instance), never a person
    expires_at TIMESTAMPTZ NOT NULL
);
