-- API tokens (issue 21): made by an administrator per purpose ("Nattlig synk från HR-systemet"),
-- to read or also write, limited to areas; the token itself is shown once and kept only as its
-- SHA-256, like a session's. Revoked tokens stay, for the audit trail's sake.
CREATE TABLE api_tokens (
    id {{id}},
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    may_write BIGINT NOT NULL DEFAULT 0,
    areas TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at TEXT
);
CREATE INDEX api_tokens_org ON api_tokens (org_id);
