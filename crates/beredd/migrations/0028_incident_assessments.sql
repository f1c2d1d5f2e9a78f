-- The judgements an incident calls for (kännedom, significant or not, personal-data breach, lex
-- Maria, police report …), each a decision with who, when and on what grounds; the latest of a kind
-- is in force. Also when the incident was handled (the final report's clock) and the
-- municipality's diarienummer for it.
CREATE TABLE incident_assessments (
    id {{id}},
    incident_id BIGINT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    outcome TEXT,
    at TEXT,
    decided_by TEXT NOT NULL,
    grounds TEXT NOT NULL,
    reference TEXT,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    log_seq BIGINT NOT NULL
);
CREATE INDEX incident_assessments_incident ON incident_assessments (incident_id, kind);
ALTER TABLE incidents ADD COLUMN handled_at TEXT;
ALTER TABLE incidents ADD COLUMN diarienummer TEXT;
