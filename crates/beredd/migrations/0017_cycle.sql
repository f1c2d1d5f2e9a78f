-- The yearly cycle (årshjul): recurring work with an owner, and the dated tasks each creates.
-- Each user gets a secret token for a calendar feed, so calendar programs can subscribe
-- without logging in.

CREATE TABLE cycle_items (
    id {{id}},
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    owner_id BIGINT REFERENCES people(id),
    unit_id BIGINT REFERENCES units(id),
    start_date TEXT NOT NULL,
    every_months BIGINT NOT NULL,
    until_date TEXT,
    notes TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE cycle_tasks (
    id {{id}},
    item_id BIGINT NOT NULL REFERENCES cycle_items(id) ON DELETE CASCADE,
    due_date TEXT NOT NULL,
    done_at TEXT,
    done_by TEXT,
    UNIQUE (item_id, due_date)
);

ALTER TABLE users ADD COLUMN calendar_token TEXT;
