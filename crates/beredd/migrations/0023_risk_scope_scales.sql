-- What a risk analysis covers, as a link (the whole organisation, a unit, a system or an
-- activity) beside its description; the information assets a risk touches; and the
-- organisation's own likelihood and consequence scales (without rows: the default 1–4 scale).
ALTER TABLE risk_analyses ADD COLUMN scope_kind TEXT;
ALTER TABLE risk_analyses ADD COLUMN scope_id BIGINT;

CREATE TABLE risk_assets (
    risk_id BIGINT NOT NULL REFERENCES risks(id) ON DELETE CASCADE,
    asset_id BIGINT NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
    PRIMARY KEY (risk_id, asset_id)
);

CREATE TABLE risk_scales (
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    kind TEXT NOT NULL,
    step BIGINT NOT NULL,
    label TEXT NOT NULL,
    description TEXT,
    PRIMARY KEY (org_id, kind, step)
);
