-- Sites, counters, opening hours, closures, motifs and bookings.
-- btree_gist lets one exclusion constraint combine equality on the counter with overlap of time
-- ranges. It is a trusted extension (PostgreSQL 13+): the database owner may create it, no superuser.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE site (
    id                        TEXT PRIMARY KEY,
    name                      TEXT    NOT NULL,
    department                TEXT,                 -- null for a national platform
    channel                   TEXT    NOT NULL CHECK (channel IN ('desk', 'phone')),
    time_zone                 TEXT    NOT NULL DEFAULT 'Europe/Paris',
    address                   TEXT,
    accessibility             TEXT,
    closed_on_public_holidays BOOLEAN NOT NULL DEFAULT true
);

-- A counter of a France Services site, or a line of a phone platform: one appointment at a time.
CREATE TABLE counter (
    id      TEXT PRIMARY KEY,
    site_id TEXT NOT NULL REFERENCES site (id),
    label   TEXT NOT NULL
);
CREATE INDEX counter_site ON counter (site_id);

-- Weekly hours, local wall-clock time in the site's zone; ISO day of week (1 = Monday).
CREATE TABLE opening_period (
    site_id     TEXT     NOT NULL REFERENCES site (id),
    day_of_week SMALLINT NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
    opens       TIME     NOT NULL,
    closes      TIME     NOT NULL CHECK (closes > opens),
    PRIMARY KEY (site_id, day_of_week, opens)
);

-- Exceptions: whole days a site is closed besides weekends and public holidays (computed in Java).
CREATE TABLE closure (
    site_id TEXT NOT NULL REFERENCES site (id),
    day     DATE NOT NULL,
    reason  TEXT NOT NULL,
    PRIMARY KEY (site_id, day)
);

CREATE TABLE motif (
    id                  TEXT PRIMARY KEY,
    title               TEXT    NOT NULL,
    channel             TEXT    NOT NULL CHECK (channel IN ('desk', 'phone')),
    duration_minutes    INTEGER NOT NULL CHECK (duration_minutes > 0),
    min_notice_minutes  INTEGER NOT NULL CHECK (min_notice_minutes >= 0),
    max_horizon_minutes INTEGER NOT NULL CHECK (max_horizon_minutes > min_notice_minutes)
);

-- The procedure steps a motif serves: 'procedure/step', 'procedure/*', or '*' for any step.
CREATE TABLE motif_step (
    motif_id TEXT NOT NULL REFERENCES motif (id),
    step     TEXT NOT NULL,
    PRIMARY KEY (motif_id, step)
);

CREATE TABLE motif_site (
    motif_id TEXT NOT NULL REFERENCES motif (id),
    site_id  TEXT NOT NULL REFERENCES site (id),
    PRIMARY KEY (motif_id, site_id)
);

CREATE TABLE booking (
    id                UUID PRIMARY KEY,
    journey_id        UUID        NOT NULL,
    procedure_id      TEXT        NOT NULL,
    step_id           TEXT        NOT NULL,
    motif_id          TEXT        NOT NULL REFERENCES motif (id),
    site_id           TEXT        NOT NULL REFERENCES site (id),
    counter_id        TEXT        NOT NULL REFERENCES counter (id),
    starts_at         TIMESTAMPTZ NOT NULL,
    ends_at           TIMESTAMPTZ NOT NULL CHECK (ends_at > starts_at),
    status            TEXT        NOT NULL
        CHECK (status IN ('HELD', 'CONFIRMED', 'CHECKED_IN', 'NO_SHOW', 'CANCELLED', 'EXPIRED')),
    hold_expires_at   TIMESTAMPTZ,
    owner_subject     TEXT,        -- the citizen's Keycloak sub when the citizen booked; pseudonymous
    booked_by_subject TEXT        NOT NULL,
    booked_by_role    TEXT        NOT NULL,
    cancel_reason     TEXT,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- Double booking is impossible by construction: no two live bookings overlap on one counter.
    CONSTRAINT booking_no_overlap EXCLUDE USING gist (
        counter_id WITH =, tstzrange(starts_at, ends_at) WITH &&
    ) WHERE (status IN ('HELD', 'CONFIRMED', 'CHECKED_IN'))
);
-- One active booking per journey step.
CREATE UNIQUE INDEX booking_one_active_per_step ON booking (journey_id, procedure_id, step_id)
    WHERE status IN ('HELD', 'CONFIRMED');
CREATE INDEX booking_journey ON booking (journey_id);
CREATE INDEX booking_site_time ON booking (site_id, starts_at);

-- Timers that survive restarts: hold expiry, reminders, no-show checks. Polled with FOR UPDATE SKIP LOCKED.
CREATE TABLE scheduled_job (
    id         BIGSERIAL PRIMARY KEY,
    booking_id UUID        NOT NULL REFERENCES booking (id),
    kind       TEXT        NOT NULL CHECK (kind IN ('HOLD_EXPIRY', 'REMINDER', 'NO_SHOW')),
    code       TEXT,                         -- the reminder offset, e.g. h48
    due_at     TIMESTAMPTZ NOT NULL,
    done_at    TIMESTAMPTZ,
    outcome    TEXT
);
CREATE INDEX scheduled_job_due ON scheduled_job (due_at) WHERE done_at IS NULL;
CREATE INDEX scheduled_job_booking ON scheduled_job (booking_id) WHERE done_at IS NULL;
