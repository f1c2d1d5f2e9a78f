-- Passkeys and security keys (WebAuthn) as a second factor for local accounts (issue 20), beside
-- the authenticator app's codes. A credential is kept as the JSON the WebAuthn library gives (its
-- public key, counter and flags; nothing secret), with the name the user gave it and its last use.
CREATE TABLE passkeys (
    id {{id}},
    user_id BIGINT NOT NULL REFERENCES users(id),
    name TEXT NOT NULL,
    credential_id TEXT NOT NULL UNIQUE,
    credential TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_used_at TEXT
);
CREATE INDEX passkeys_user ON passkeys (user_id);

-- A WebAuthn ceremony under way: the hash of the ticket handed to the browser, whose it is, what
-- it is for ('register' with the name to give the key, or 'login'), and the library's state. Used
-- once, gone after five minutes; never exported.
CREATE TABLE webauthn_challenges (
    ticket_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL,
    purpose TEXT NOT NULL,
    name TEXT NOT NULL,
    state TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
