-- Saved outage scenarios: what fails (nodes as "kind:id" and whole categories) and for how
-- long, with the result of the last two runs so that a re-run shows what changed.

CREATE TABLE scenarios (
    id {{id}},
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    description TEXT,
    failed TEXT NOT NULL,
    categories TEXT NOT NULL,
    hours BIGINT NOT NULL,
    last_run_at TEXT,
    last_result TEXT,
    previous_run_at TEXT,
    previous_result TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (org_id, name)
);
