-- Retention (#22): why a journey's or a person's key was destroyed, by her erasure or by the retention sweep once the
-- procedure's period after the journey ended is over.
ALTER TABLE journey ADD COLUMN erased_reason TEXT CHECK (erased_reason IN ('citizen', 'retention'));
ALTER TABLE person ADD COLUMN erased_reason TEXT CHECK (erased_reason IN ('citizen', 'retention'));
UPDATE journey SET erased_reason = 'citizen' WHERE erased_at IS NOT NULL;
UPDATE person SET erased_reason = 'citizen' WHERE erased_at IS NOT NULL;
-- the sweep looks for ended journeys not yet swept, per procedure version, oldest first
CREATE INDEX journey_ended_not_swept ON journey (procedure_id, procedure_version, updated_at)
    WHERE erased_at IS NULL AND status IN ('COMPLETED', 'ABANDONED', 'CANCELLED');
