-- Single sign-on with OpenID Connect (issue 20). Each organisation may name its identity
-- provider: the issuer (whose discovery document gives the endpoints and keys), the client id and
-- secret Beredd was registered with, Beredd's own address (the redirect URI is made from it), the
-- claim that carries the user's groups, the mapping from groups to roles and units (lines of
-- text, see beredd_domain::sso), and the roles whose designated break-glass accounts keep their
-- local password (comma-separated role codes).
CREATE TABLE sso_providers (
    org_id BIGINT PRIMARY KEY REFERENCES organisations(id),
    issuer TEXT NOT NULL,
    client_id TEXT NOT NULL,
    client_secret TEXT NOT NULL,
    public_url TEXT NOT NULL,
    groups_claim TEXT NOT NULL,
    group_roles TEXT NOT NULL,
    break_glass_roles TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- A login on its way through the provider: the hash of its state, the nonce and PKCE verifier it
-- was sent with, where to go afterwards, and the user whose session was being checked again.
-- Used once; never exported.
CREATE TABLE sso_logins (
    state_hash TEXT PRIMARY KEY,
    org_id BIGINT NOT NULL,
    nonce TEXT NOT NULL,
    pkce_verifier TEXT NOT NULL,
    next_path TEXT NOT NULL,
    recheck_user BIGINT,
    expires_at TEXT NOT NULL
);

-- A user who comes through the provider: "issuer subject", and no local password.
ALTER TABLE users ADD COLUMN sso_subject TEXT;
CREATE UNIQUE INDEX users_sso_subject ON users (org_id, sso_subject);
-- A break-glass account: keeps its local password while single sign-on is configured.
ALTER TABLE users ADD COLUMN break_glass BIGINT NOT NULL DEFAULT 0;
-- When a single sign-on session was last confirmed by the provider (none for a local login).
ALTER TABLE sessions ADD COLUMN sso_checked_at TEXT;

-- A second factor for local accounts (TOTP, RFC 6238): the secret being set up until a code
-- confirms it, the secret in use (base32), the last time step a code was taken at (each code is
-- taken once), and the SHA-256 of each unused recovery code, comma-separated.
ALTER TABLE users ADD COLUMN totp_pending TEXT;
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN recovery_codes TEXT;
-- The organisation's choice: every local account must use a second factor (set up at its next
-- login, before anything else).
ALTER TABLE organisations ADD COLUMN second_factor_required BIGINT NOT NULL DEFAULT 0;
