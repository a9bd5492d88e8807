-- Closures become rows with an id (the admin API deletes by it) and may take part of a day: from_time/to_time
-- in the site's local time, both null for the whole day. Several closures may fall on one day.
CREATE TABLE site_closure (
    id         UUID PRIMARY KEY,
    site_id    TEXT        NOT NULL REFERENCES site (id),
    day        DATE        NOT NULL,
    from_time  TIME,
    to_time    TIME,
    reason     TEXT        NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT site_closure_range CHECK ((from_time IS NULL AND to_time IS NULL)
        OR (from_time IS NOT NULL AND to_time IS NOT NULL AND to_time > from_time))
);
CREATE INDEX site_closure_site_day ON site_closure (site_id, day);

INSERT INTO site_closure (id, site_id, day, reason)
SELECT gen_random_uuid(), site_id, day, reason FROM closure;

DROP TABLE closure;
