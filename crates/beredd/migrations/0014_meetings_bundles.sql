-- Crisis staff meetings (their protocol, also written to the log) and the identity an incident
-- keeps when its bundle is imported into another Beredd, so a second import merges instead of
-- duplicating.

CREATE TABLE incident_meetings (
    id {{id}},
    incident_id BIGINT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    number BIGINT NOT NULL,
    held_at TEXT NOT NULL,
    held_by TEXT NOT NULL,
    protocol TEXT NOT NULL,
    UNIQUE (incident_id, number)
);

ALTER TABLE incidents ADD COLUMN uid TEXT;
