-- A breach restarts the missed SLA's clock at the raised priority's length: a case's timers for one SLA now come once
-- per rung of the ladder, so the tier the timers were set at is part of what makes a timer unique.
ALTER TABLE sla_timer ADD COLUMN tier INT NOT NULL DEFAULT 0;
ALTER TABLE sla_timer DROP CONSTRAINT sla_timer_case_id_sla_breach_key;
ALTER TABLE sla_timer ADD CONSTRAINT sla_timer_case_id_sla_breach_tier_key UNIQUE (case_id, sla, breach, tier);
