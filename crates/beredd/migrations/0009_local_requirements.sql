-- A municipality's own changes to the requirement catalogue: requirements of its own, and ours
-- that it has turned off (with the reason). The catalogue version recorded with every
-- classification and assessment names the library version and the local revision.

CREATE TABLE local_requirements (
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    requirement_id TEXT NOT NULL,
    area TEXT NOT NULL,
    title TEXT NOT NULL,
    is_text TEXT NOT NULL,
    shall_text TEXT NOT NULL,
    guidance TEXT,
    applies TEXT NOT NULL,
    refs TEXT,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (org_id, requirement_id)
);

CREATE TABLE disabled_requirements (
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    requirement_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    disabled_by TEXT NOT NULL,
    disabled_at TEXT NOT NULL,
    PRIMARY KEY (org_id, requirement_id)
);
