-- One notification per triggering event (idempotent on the event id): what happened, about which journey and
-- appointment, until when it is worth sending. Codes, ids and times only: contact details are read from
-- journey-service at send time and never stored here.
CREATE TABLE notification (
    id              UUID PRIMARY KEY,
    event_id        TEXT        NOT NULL UNIQUE,
    trigger         TEXT        NOT NULL,
    journey_id      UUID        NOT NULL,
    booking_id      UUID,
    site            TEXT,
    procedure_id    TEXT,
    -- the moment the message is about: the appointment's start, the call back's due time
    about_at        TIMESTAMPTZ,
    -- a moved appointment's former start; a call back window's end
    previous_at     TIMESTAMPTZ,
    until_at        TIMESTAMPTZ,
    occurred_at     TIMESTAMPTZ NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    expires_at      TIMESTAMPTZ NOT NULL,
    -- new: waiting to be planned; planned: deliveries chosen; done / failed / dropped: nothing more to do
    status          TEXT        NOT NULL CHECK (status IN ('new', 'planned', 'done', 'failed', 'dropped')),
    reason          TEXT,
    person_id       UUID,
    account_subject TEXT,
    template        TEXT        NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ
);
CREATE INDEX notification_due ON notification (next_attempt_at) WHERE status = 'new';
CREATE INDEX notification_by_journey ON notification (journey_id);
CREATE INDEX notification_by_account ON notification (account_subject) WHERE account_subject IS NOT NULL;
CREATE INDEX notification_by_booking ON notification (booking_id) WHERE booking_id IS NOT NULL;

-- One row per channel a notification goes out on. The text is kept (templates hold no personal data: no name, no
-- address, no answer), so the citizen can read what was sent; the address or number it went to is not.
CREATE TABLE delivery (
    id              UUID PRIMARY KEY,
    notification_id UUID        NOT NULL REFERENCES notification (id),
    channel         TEXT        NOT NULL CHECK (channel IN ('email', 'sms', 'letter')),
    -- pending: to send (at next_attempt_at); sent: accepted by the relay / SMS centre / put in a letter batch;
    -- delivered: receipt or posted; failed: permanently refused or out of tries; dropped: expired or cancelled first
    status          TEXT        NOT NULL CHECK (status IN ('pending', 'sent', 'delivered', 'failed', 'dropped')),
    subject         TEXT,
    body            TEXT        NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ,
    deferred        BOOLEAN     NOT NULL DEFAULT FALSE,
    error           TEXT,
    provider_id     TEXT,
    sent_at         TIMESTAMPTZ,
    delivered_at    TIMESTAMPTZ,
    letter_site     TEXT,
    letter_day      DATE,
    UNIQUE (notification_id, channel)
);
CREATE INDEX delivery_due ON delivery (next_attempt_at) WHERE status = 'pending';
CREATE INDEX delivery_by_provider ON delivery (provider_id) WHERE provider_id IS NOT NULL;
CREATE INDEX delivery_letters ON delivery (letter_site, letter_day) WHERE channel = 'letter';

-- What the appointment events said last about a booking: a reminder for a cancelled or moved booking is dropped.
CREATE TABLE booking_state (
    booking_id UUID PRIMARY KEY,
    starts_at  TIMESTAMPTZ NOT NULL,
    cancelled  BOOLEAN     NOT NULL DEFAULT FALSE,
    updated_at TIMESTAMPTZ NOT NULL
);

-- Whether a journey waits on its citizen, and since when: the nudge after N days, dropped when she moved on.
CREATE TABLE journey_activity (
    journey_id    UUID PRIMARY KEY,
    waiting_since TIMESTAMPTZ,
    ended         BOOLEAN     NOT NULL DEFAULT FALSE,
    handoff_site  TEXT,
    -- the last France Services site the journey met (claim, presence, handoff): where its letters are printed
    last_site     TEXT,
    nudged_for    TIMESTAMPTZ,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX journey_waiting ON journey_activity (waiting_since) WHERE waiting_since IS NOT NULL AND NOT ended;
