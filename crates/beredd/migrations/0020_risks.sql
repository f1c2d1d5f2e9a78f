-- Risk analysis: an analysis is an event (scope, date, participants, method) holding risks with
-- likelihood and consequence before and after the existing measures, an owner and a decision.
CREATE TABLE risk_analyses (
    id {{id}},
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    title TEXT NOT NULL,
    scope TEXT NOT NULL,
    held_on TEXT NOT NULL,
    participants TEXT,
    method TEXT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE risks (
    id {{id}},
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    analysis_id BIGINT NOT NULL REFERENCES risk_analyses(id) ON DELETE CASCADE,
    threat TEXT NOT NULL,
    vulnerability TEXT,
    consequence_text TEXT,
    likelihood BIGINT NOT NULL,
    consequence BIGINT NOT NULL,
    measures TEXT,
    residual_likelihood BIGINT NOT NULL,
    residual_consequence BIGINT NOT NULL,
    owner_id BIGINT REFERENCES people(id),
    decision TEXT NOT NULL,
    decided_by TEXT,
    action_id BIGINT REFERENCES actions(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX risks_analysis ON risks(analysis_id);
