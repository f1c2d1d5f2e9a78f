-- Catching up after the outage: per unit (and system) what was documented on paper and must be
-- entered, how much, by whom, how urgent, and each day's progress, for the burn-down and its
-- forecast.

CREATE TABLE backlog_items (
    id {{id}},
    incident_id BIGINT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    system_id BIGINT REFERENCES systems(id),
    kind TEXT NOT NULL,
    description TEXT,
    total BIGINT NOT NULL,
    done BIGINT NOT NULL DEFAULT 0,
    assignee TEXT,
    priority TEXT NOT NULL,
    deadline TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX backlog_items_incident ON backlog_items(incident_id);

CREATE TABLE backlog_progress (
    id {{id}},
    item_id BIGINT NOT NULL REFERENCES backlog_items(id) ON DELETE CASCADE,
    day TEXT NOT NULL,
    added BIGINT NOT NULL,
    entered BIGINT NOT NULL,
    by_name TEXT NOT NULL
);
CREATE INDEX backlog_progress_item ON backlog_progress(item_id);
