-- Frameworks a user imported (the shipped ones live in library/frameworks and are not stored).
-- The file itself is kept and read again by the same checked parser, so an imported framework
-- behaves exactly like a shipped one.
CREATE TABLE frameworks (
    id {{id}},
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    framework_key TEXT NOT NULL,
    version TEXT NOT NULL,
    title TEXT NOT NULL,
    format TEXT NOT NULL,
    content TEXT NOT NULL,
    imported_by TEXT NOT NULL,
    imported_at TEXT NOT NULL
);
CREATE UNIQUE INDEX frameworks_key_version ON frameworks(org_id, framework_key, version);

-- An assessment of the organisation (or a part of it) against one version of a framework.
CREATE TABLE framework_assessments (
    id {{id}},
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    framework_key TEXT NOT NULL,
    version TEXT NOT NULL,
    title TEXT NOT NULL,
    scope TEXT,
    started_on TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- The answer to one requirement of an assessment.
CREATE TABLE framework_answers (
    id {{id}},
    assessment_id BIGINT NOT NULL REFERENCES framework_assessments(id) ON DELETE CASCADE,
    node_id TEXT NOT NULL,
    status TEXT,
    maturity BIGINT,
    comment TEXT,
    evidence TEXT,
    requirement_ids TEXT,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX framework_answers_node ON framework_answers(assessment_id, node_id);

-- Actions in the action plan linked to an answer (made from the gap or linked by hand).
CREATE TABLE framework_answer_actions (
    assessment_id BIGINT NOT NULL REFERENCES framework_assessments(id) ON DELETE CASCADE,
    node_id TEXT NOT NULL,
    action_id BIGINT NOT NULL REFERENCES actions(id) ON DELETE CASCADE,
    PRIMARY KEY (assessment_id, node_id, action_id)
);
