-- Steering documents (issue 23): policies, guidelines, routines and staff instructions, each with
-- an owner in the register of people, the decision that adopted it, a date for its next review,
-- the units it applies to (none: the whole organisation) and the roles it is meant for (a line of
-- text, for the reader). Each version holds its text or a file, kept in the database like the
-- evidence files. Staff confirm per version that they have read it; staff without an account do
-- it through a personal link whose token is kept only as its SHA-256, like a session's.
CREATE TABLE documents (
    id {{id}},
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    owner_id BIGINT REFERENCES people(id) ON DELETE SET NULL,
    decided_by TEXT,
    decided_on TEXT,
    decision_ref TEXT,
    review_on TEXT,
    roles TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX documents_org ON documents (org_id);
CREATE TABLE document_units (
    document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    unit_id BIGINT NOT NULL REFERENCES units(id) ON DELETE CASCADE,
    PRIMARY KEY (document_id, unit_id)
);
CREATE TABLE document_versions (
    id {{id}},
    document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    number BIGINT NOT NULL,
    body TEXT,
    note TEXT,
    file_name TEXT,
    content_type TEXT,
    size BIGINT,
    sha256 TEXT,
    content {{blob}},
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (document_id, number)
);
CREATE TABLE document_acknowledgements (
    id {{id}},
    version_id BIGINT NOT NULL REFERENCES document_versions(id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    via TEXT NOT NULL,
    at TEXT NOT NULL,
    UNIQUE (version_id, person_id)
);
CREATE TABLE document_links (
    id {{id}},
    document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    person_id BIGINT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX document_links_person ON document_links (document_id, person_id);
