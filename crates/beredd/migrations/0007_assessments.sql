-- The self-assessment: for each system and each requirement derived for it, whether and how it
-- is met; and the organisation's one action plan (handlingsplan), fed by unmet requirements now
-- and by framework gaps, risk treatments and lessons learned later.

CREATE TABLE assessments (
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    system_id BIGINT NOT NULL REFERENCES systems(id) ON DELETE CASCADE,
    requirement_id TEXT NOT NULL,
    status TEXT NOT NULL,
    how TEXT,
    not_applicable_reason TEXT,
    evidence_link TEXT,
    assessed_by TEXT NOT NULL,
    assessed_at TEXT NOT NULL,
    catalogue_version TEXT NOT NULL,
    PRIMARY KEY (system_id, requirement_id)
);

CREATE TABLE actions (
    id {{id}},
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    title TEXT NOT NULL,
    origin TEXT NOT NULL,
    origin_ref TEXT,
    owner_id BIGINT REFERENCES people(id),
    unit_id BIGINT REFERENCES units(id),
    priority TEXT NOT NULL,
    due_date TEXT,
    status TEXT NOT NULL,
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX actions_org ON actions(org_id, status);
