-- Information assets (informationsmängder), the systems that hold them, the units that use
-- them, and their classifications: every version kept, with who, when and why.

CREATE TABLE assets (
    id {{id}},
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    name TEXT NOT NULL,
    description TEXT,
    owner_id BIGINT REFERENCES people(id),
    flags TEXT NOT NULL DEFAULT '',
    osl_reference TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (org_id, name)
);

CREATE TABLE asset_systems (
    asset_id BIGINT NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
    system_id BIGINT NOT NULL REFERENCES systems(id),
    PRIMARY KEY (asset_id, system_id)
);
CREATE INDEX asset_systems_system ON asset_systems(system_id);

CREATE TABLE asset_units (
    asset_id BIGINT NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
    unit_id BIGINT NOT NULL REFERENCES units(id),
    PRIMARY KEY (asset_id, unit_id)
);
CREATE INDEX asset_units_unit ON asset_units(unit_id);

CREATE TABLE classifications (
    id {{id}},
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    asset_id BIGINT NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
    version BIGINT NOT NULL,
    level_k BIGINT NOT NULL,
    level_r BIGINT NOT NULL,
    level_t BIGINT NOT NULL,
    level_s BIGINT NOT NULL,
    why_k TEXT,
    why_r TEXT,
    why_t TEXT,
    why_s TEXT,
    reason TEXT,
    classified_by TEXT NOT NULL,
    classified_at TEXT NOT NULL,
    catalogue_version TEXT NOT NULL,
    UNIQUE (asset_id, version)
);
