-- Offline crisis kits made: which units (none: the whole organisation), by whom, when, and the
-- plan versions each held, so Beredd can say which units' kits are out of date. The passphrase
-- is never stored.

CREATE TABLE kit_exports (
    id {{id}},
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    kit_id TEXT NOT NULL,
    scope_name TEXT NOT NULL,
    max_age_days BIGINT NOT NULL,
    exported_by TEXT NOT NULL,
    exported_at TEXT NOT NULL
);

CREATE TABLE kit_export_plans (
    export_id BIGINT NOT NULL REFERENCES kit_exports(id) ON DELETE CASCADE,
    plan_id BIGINT NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    PRIMARY KEY (export_id, plan_id)
);
CREATE INDEX kit_export_plans_plan ON kit_export_plans(plan_id);
