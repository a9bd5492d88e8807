-- Who owns a journey (the citizen's pseudonymous Keycloak sub), learnt from journey.events JourneyStarted,
-- so that a citizen sees and manages bookings an agent made for their journey.
CREATE TABLE journey_owner (
    journey_id    UUID PRIMARY KEY,
    owner_subject TEXT        NOT NULL,
    recorded_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
