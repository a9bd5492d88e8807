-- Who issued each command (the token's sub of its actor: an opaque id, not personal data), so
-- GET /commands/{id} answers its outcome to that caller only. Rows decided before this migration have none:
-- nobody may read them, which is the safe side.
ALTER TABLE processed_command ADD COLUMN issued_by TEXT;
