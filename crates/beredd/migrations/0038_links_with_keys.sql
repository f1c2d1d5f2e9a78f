-- The person a user is and what a risk analysis covers become foreign keys (security review,
-- F13 and the latent hazards): a link that points at nothing, or at another organisation's row,
-- is emptied here, and the database keeps every new one pointing at a row of its own kind.
-- SQLite cannot add a constraint to a column it has, so each link gets a new column with its key,
-- takes the values that still point at a row of the same organisation, and replaces the old one.
ALTER TABLE users ADD COLUMN person_ref BIGINT REFERENCES people(id) ON DELETE SET NULL;
UPDATE users SET person_ref = person_id WHERE person_id IN (SELECT p.id FROM people p WHERE p.org_id = users.org_id);
ALTER TABLE users DROP COLUMN person_id;
ALTER TABLE users RENAME COLUMN person_ref TO person_id;

-- A risk analysis covers the whole organisation, a unit, a system or an activity: one column with
-- its key for each kind of row (at most one of them set, the one `scope_kind` names).
ALTER TABLE risk_analyses ADD COLUMN scope_unit_id BIGINT REFERENCES units(id) ON DELETE SET NULL;
ALTER TABLE risk_analyses ADD COLUMN scope_system_id BIGINT REFERENCES systems(id) ON DELETE SET NULL;
ALTER TABLE risk_analyses ADD COLUMN scope_activity_id BIGINT REFERENCES activities(id) ON DELETE SET NULL;
UPDATE risk_analyses SET scope_unit_id = scope_id WHERE scope_kind = 'unit' AND scope_id IN (SELECT x.id FROM units x WHERE x.org_id = risk_analyses.org_id);
UPDATE risk_analyses SET scope_system_id = scope_id WHERE scope_kind = 'system' AND scope_id IN (SELECT x.id FROM systems x WHERE x.org_id = risk_analyses.org_id);
UPDATE risk_analyses SET scope_activity_id = scope_id WHERE scope_kind = 'activity' AND scope_id IN (SELECT x.id FROM activities x WHERE x.org_id = risk_analyses.org_id);
-- A scope whose row is gone is no scope: the analysis's own description of it stays.
UPDATE risk_analyses SET scope_kind = NULL WHERE scope_kind IN ('unit', 'system', 'activity') AND scope_unit_id IS NULL AND scope_system_id IS NULL AND scope_activity_id IS NULL;
ALTER TABLE risk_analyses DROP COLUMN scope_id;
