-- The platform administrator's accounts (issue 22, hosted mode): people who create, rename,
-- suspend and remove the installation's organisations, and who are no organisation's users. Made
-- with `beredd platform-admin add`; the password is an Argon2id hash. Their sessions are their
-- own, so that no session of theirs can ever be taken for an organisation user's and the other
-- way round. Neither table belongs to an organisation, and neither is carried by exports or
-- backups.
CREATE TABLE platform_admins (
    id {{id}},
    username TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    active BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL
);
CREATE TABLE platform_sessions (
    id {{id}},
    token_hash TEXT NOT NULL UNIQUE,
    admin_id BIGINT NOT NULL REFERENCES platform_admins(id),
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL
);
CREATE INDEX platform_sessions_admin ON platform_sessions (admin_id);
