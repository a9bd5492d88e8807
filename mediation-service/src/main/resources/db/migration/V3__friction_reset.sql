-- A resolved case consumes the friction that opened it: signals up to the resolution no longer count
-- towards a new case for the journey (only what happens after does).
ALTER TABLE journey_context ADD COLUMN friction_reset_at TIMESTAMPTZ;
