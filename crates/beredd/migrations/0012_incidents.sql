-- Crisis mode: incidents, the crisis staff roster, the log (a hash chain: each entry stores the
-- SHA-256 of its canonical form, which includes the previous entry's hash), the "is it done?"
-- board built from the affected units' continuity plans, and staff reached. The incident keeps
-- the count and the last hash of its log, so an entry removed from the end is detected too.

CREATE TABLE incidents (
    id {{id}},
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    title TEXT NOT NULL,
    what_happened TEXT,
    discovered_at TEXT NOT NULL,
    raised_by TEXT,
    status TEXT NOT NULL,
    exercise BIGINT NOT NULL DEFAULT 0,
    started_by TEXT NOT NULL,
    started_at TEXT NOT NULL,
    closed_at TEXT,
    log_count BIGINT NOT NULL DEFAULT 0,
    last_hash TEXT NOT NULL
);

CREATE TABLE incident_units (
    incident_id BIGINT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    PRIMARY KEY (incident_id, unit_id)
);

CREATE TABLE incident_roster (
    id {{id}},
    incident_id BIGINT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    role TEXT NOT NULL,
    name TEXT NOT NULL,
    phone TEXT,
    area TEXT,
    on_duty BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX incident_roster_incident ON incident_roster(incident_id);

CREATE TABLE incident_log (
    id {{id}},
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    incident_id BIGINT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    seq BIGINT NOT NULL,
    uid TEXT NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    decided_by TEXT,
    grounds TEXT,
    author TEXT NOT NULL,
    occurred_at TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    corrects BIGINT,
    source TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    UNIQUE (incident_id, seq),
    UNIQUE (incident_id, uid)
);

CREATE TABLE board_items (
    id {{id}},
    incident_id BIGINT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    area TEXT NOT NULL,
    section TEXT NOT NULL,
    position BIGINT NOT NULL,
    label TEXT NOT NULL,
    state TEXT NOT NULL,
    updated_by TEXT,
    updated_at TEXT
);
CREATE INDEX board_items_incident ON board_items(incident_id);

CREATE TABLE staff_reached (
    incident_id BIGINT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people(id),
    reached BIGINT NOT NULL,
    by_name TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (incident_id, person_id)
);
