-- Continuity plans: one per unit or shared by several units. Every version of a plan is kept;
-- its content is one JSON document (beredd_domain::plan::PlanContent). A version is a draft
-- until someone approves it; an approved version never changes, the next edit starts a new draft.
-- Each printed binder is recorded with the plan versions it held, so a stale binder shows.

CREATE TABLE plans (
    id {{id}},
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    template_id TEXT,
    review_due TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (org_id, name)
);

CREATE TABLE plan_units (
    plan_id BIGINT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    PRIMARY KEY (plan_id, unit_id)
);
CREATE INDEX plan_units_unit ON plan_units(unit_id);

CREATE TABLE plan_versions (
    id {{id}},
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    plan_id BIGINT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    number BIGINT NOT NULL,
    status TEXT NOT NULL,
    content TEXT NOT NULL,
    change_note TEXT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    approved_by TEXT,
    approved_at TEXT,
    UNIQUE (plan_id, number)
);

CREATE TABLE binder_prints (
    id {{id}},
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    -- The unit the binder was printed for (none: the whole organisation); its name is kept
    -- as printed, so the record outlives the unit.
    unit_id BIGINT,
    scope_name TEXT NOT NULL,
    printed_by TEXT NOT NULL,
    printed_at TEXT NOT NULL
);

CREATE TABLE binder_print_plans (
    print_id BIGINT NOT NULL REFERENCES binder_prints(id) ON DELETE CASCADE,
    plan_id BIGINT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    PRIMARY KEY (print_id, plan_id)
);
CREATE INDEX binder_print_plans_plan ON binder_print_plans(plan_id);
