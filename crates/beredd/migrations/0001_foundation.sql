-- The foundation: organisations, users and sessions, the registers and the audit trail.
-- One file serves SQLite and PostgreSQL; {{id}} becomes each one's auto-increment key.
-- Times are UTC in RFC 3339 text, which sorts and compares the same on both. Yes/no flags are
-- 0/1 integers: sqlx's Any driver cannot carry SQLite's BOOLEAN.

CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE organisations (
    id {{id}},
    name TEXT NOT NULL,
    org_number TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE units (
    id {{id}},
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    parent_id BIGINT REFERENCES units(id),
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    manager_id BIGINT,
    address TEXT,
    staff_count BIGINT,
    around_the_clock BIGINT NOT NULL DEFAULT 0,
    description TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (org_id, name)
);
CREATE INDEX units_parent ON units(parent_id);

CREATE TABLE suppliers (
    id {{id}},
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    org_number TEXT,
    contract_ref TEXT,
    phone TEXT,
    email TEXT,
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (org_id, name)
);

CREATE TABLE people (
    id {{id}},
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    title TEXT,
    unit_id BIGINT REFERENCES units(id),
    organisation TEXT,
    supplier_id BIGINT REFERENCES suppliers(id),
    work_phone TEXT,
    private_phone TEXT,
    email TEXT,
    reachable_off_hours BIGINT NOT NULL DEFAULT 0,
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX people_unit ON people(unit_id);
CREATE INDEX people_supplier ON people(supplier_id);

CREATE TABLE activities (
    id {{id}},
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    unit_id BIGINT NOT NULL REFERENCES units(id),
    name TEXT NOT NULL,
    description TEXT,
    recipients TEXT,
    criticality TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (org_id, unit_id, name)
);
CREATE INDEX activities_unit ON activities(unit_id);

CREATE TABLE systems (
    id {{id}},
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    purpose TEXT,
    kind TEXT NOT NULL,
    owner_id BIGINT REFERENCES people(id),
    supplier_id BIGINT REFERENCES suppliers(id),
    hosting TEXT NOT NULL,
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (org_id, name)
);
CREATE INDEX systems_owner ON systems(owner_id);
CREATE INDEX systems_supplier ON systems(supplier_id);

CREATE TABLE system_units (
    system_id BIGINT NOT NULL REFERENCES systems(id) ON DELETE CASCADE,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    PRIMARY KEY (system_id, unit_id)
);
CREATE INDEX system_units_unit ON system_units(unit_id);

CREATE TABLE users (
    id {{id}},
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL,
    lang TEXT NOT NULL DEFAULT 'sv',
    active BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE user_units (
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    unit_id BIGINT NOT NULL REFERENCES units(id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, unit_id)
);

CREATE TABLE sessions (
    id {{id}},
    token_hash TEXT NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

CREATE TABLE setup_tokens (
    token_hash TEXT PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    expires_at TEXT NOT NULL
);

CREATE TABLE audit_log (
    id {{id}},
    org_id BIGINT NOT NULL,
    at TEXT NOT NULL,
    user_id BIGINT,
    username TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id BIGINT,
    summary TEXT NOT NULL,
    before_json TEXT,
    after_json TEXT
);
CREATE INDEX audit_org_at ON audit_log(org_id, at);
