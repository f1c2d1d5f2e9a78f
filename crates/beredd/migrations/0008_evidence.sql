-- Evidence for a self-assessment: files uploaded by the people who assess. The content lives in
-- the database, never on a path a user could influence; the name is only shown and offered as
-- the download name.

CREATE TABLE evidence_files (
    id {{id}},
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    system_id BIGINT NOT NULL REFERENCES systems(id) ON DELETE CASCADE,
    requirement_id TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    content {{blob}} NOT NULL,
    uploaded_by TEXT NOT NULL,
    uploaded_at TEXT NOT NULL
);
CREATE INDEX evidence_files_assessment ON evidence_files(org_id, system_id, requirement_id);
