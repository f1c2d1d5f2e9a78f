-- Evidence files for an answer in a framework assessment, kept like the self-assessment's
-- evidence: in the database, with the name only shown and offered as the download name.
CREATE TABLE framework_evidence (
    id {{id}},
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    assessment_id BIGINT NOT NULL REFERENCES framework_assessments(id) ON DELETE CASCADE,
    node_id TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    content {{blob}} NOT NULL,
    uploaded_by TEXT NOT NULL,
    uploaded_at TEXT NOT NULL
);
CREATE INDEX framework_evidence_answer ON framework_evidence(org_id, assessment_id, node_id);
