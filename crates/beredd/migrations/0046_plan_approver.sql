-- Who approved a plan version (issue 24): the manager, a person of the register chosen when
-- approving (by default the manager of the plan's unit). `approved_by` keeps that person's name
-- as it was at the approval, so that the record outlives a change in the register;
-- `approval_recorded_by` is the user who recorded the approval in Beredd. Approvals from before
-- this migration name only the user, in `approved_by`.
ALTER TABLE plan_versions ADD COLUMN approver_id BIGINT REFERENCES people(id) ON DELETE SET NULL;
ALTER TABLE plan_versions ADD COLUMN approval_recorded_by TEXT;
