-- A person record made or linked from FranceConnect's pivot identity (#22): identity "certified".
ALTER TABLE person DROP CONSTRAINT person_identity_check;
ALTER TABLE person ADD CONSTRAINT person_identity_check CHECK (identity IN ('checked', 'declared', 'certified'));
