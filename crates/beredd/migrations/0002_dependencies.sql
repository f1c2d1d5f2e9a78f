-- Dependencies: shared resources (network, identity, power, premises…) and the edges saying
-- what depends on what. An edge joins two registers, so its ends are (kind, id) pairs that
-- the application checks; deleting a node that an edge names is refused there.

CREATE TABLE resources (
    id {{id}},
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    description TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (org_id, name)
);

CREATE TABLE dependencies (
    id {{id}},
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    from_kind TEXT NOT NULL,
    from_id BIGINT NOT NULL,
    to_kind TEXT NOT NULL,
    to_id BIGINT NOT NULL,
    need TEXT NOT NULL,
    fallback TEXT,
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (org_id, from_kind, from_id, to_kind, to_id)
);
CREATE INDEX dependencies_from ON dependencies(org_id, from_kind, from_id);
CREATE INDEX dependencies_to ON dependencies(org_id, to_kind, to_id);
