-- What this service knows of a journey, learnt from journey.events and mediation.events (#15): enough to
-- decide who may hold, read or change its bookings, with the same reasons as journey-service's access rules.
ALTER TABLE journey_owner RENAME TO journey_fact;
ALTER TABLE journey_fact RENAME CONSTRAINT journey_owner_pkey TO journey_fact_pkey;
-- a journey started by staff for a person without an account has no citizen owner
ALTER TABLE journey_fact ALTER COLUMN owner_subject DROP NOT NULL;
ALTER TABLE journey_fact
    -- the procedure the journey follows (JourneyStarted); null only for rows learnt before this migration
    ADD COLUMN procedure_id   TEXT,
    -- the agent holding the journey (JourneyClaimed), until released, handed off again or ended
    ADD COLUMN claimed_by     TEXT,
    -- the site whose desk queue the journey waits in, unclaimed (HandoffRequested to a site)
    ADD COLUMN handoff_site   TEXT,
    -- the last check-in of the citizen at a site (PresenceRecorded); valid that day only
    ADD COLUMN present_site   TEXT,
    ADD COLUMN present_at     TIMESTAMPTZ,
    -- the phone agent who verified the caller (CallerVerified), until verified_until
    ADD COLUMN verified_by    TEXT,
    ADD COLUMN verified_until TIMESTAMPTZ,
    -- when the journey completed, was cancelled or abandoned: nothing more is booked for it
    ADD COLUMN ended_at       TIMESTAMPTZ;

-- Mandates the citizen gave a site for the journey's procedure (MandateGranted / MandateRevoked).
CREATE TABLE journey_mandate (
    mandate_id   UUID PRIMARY KEY,
    journey_id   UUID        NOT NULL,
    site         TEXT        NOT NULL,
    procedure_id TEXT        NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    revoked      BOOLEAN     NOT NULL DEFAULT false
);
CREATE INDEX journey_mandate_by_journey ON journey_mandate (journey_id);

-- Mediation cases of journeys (mediation.events): the pool that holds a case, the mediator who claimed it,
-- and when it was resolved (a resolved case gives no access any more).
CREATE TABLE mediation_case (
    case_id     UUID PRIMARY KEY,
    journey_id  UUID        NOT NULL,
    pool        TEXT        NOT NULL,
    mediator    TEXT,
    resolved_at TIMESTAMPTZ
);
CREATE INDEX mediation_case_by_journey ON mediation_case (journey_id);

-- A citizen's live bookings are counted at every hold (the per-citizen quota).
CREATE INDEX booking_live_by_owner ON booking (owner_subject, starts_at) WHERE status IN ('HELD', 'CONFIRMED');

-- Generic motifs no longer serve any step of any procedure ('*'), nor any step id under a procedure: each names
-- the steps it serves, 'procedure/step', so that a hold names a real step of its journey's own procedure (the hold's
-- procedure is checked against the journey's). Help at the desk and a call-back serve every step of the four demo
-- procedures (journey-service/src/main/resources/procedures: the step ids of every shipped version); a new
-- procedure or step needs its rows here.
DELETE FROM motif_step WHERE step = '*';
INSERT INTO motif_step (motif_id, step)
SELECT m.id, s.step
FROM (VALUES ('accompagnement'), ('rappel-telephonique')) AS m (id)
CROSS JOIN (VALUES
    ('cni-renouvellement/identite'), ('cni-renouvellement/formulaire'), ('cni-renouvellement/justificatifs'),
    ('cni-renouvellement/rdv-biometrie'), ('cni-renouvellement/remise'),
    ('aide-logement/situation'), ('aide-logement/logement'), ('aide-logement/ressources'),
    ('aide-logement/justificatifs'), ('aide-logement/validation'),
    ('changement-adresse/identite'), ('changement-adresse/nouvelle-adresse'), ('changement-adresse/organismes'),
    ('changement-adresse/confirmation'),
    ('procuration-vote/mandant'), ('procuration-vote/mandataire'), ('procuration-vote/verification-identite'),
    ('procuration-vote/confirmation')) AS s (step)
WHERE EXISTS (SELECT 1 FROM motif WHERE motif.id = m.id)
ON CONFLICT DO NOTHING;
