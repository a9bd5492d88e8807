-- The resume code's check value becomes the full birth date (a year alone was too easy to guess, #15).
-- Journeys recorded before kept only the year: take the full date from the identity step's answer
-- (every procedure names its check field date-naissance, stored as an ISO date).
UPDATE journey_check_value c
   SET check_value = a.value
  FROM journey_answer a
 WHERE a.journey_id = c.journey_id
   AND a.field = 'date-naissance'
   AND a.value ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
-- A year with no date behind it can no longer match anything: drop it rather than keep a dead value.
DELETE FROM journey_check_value WHERE check_value !~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
