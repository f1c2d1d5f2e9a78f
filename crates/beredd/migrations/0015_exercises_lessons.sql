-- Exercises and lessons learned. An exercise is an incident with the exercise flag: it runs on
-- the same machinery, clearly marked, and never starts a reporting clock. Its participants and
-- its inject timeline (what happens when, in minutes from the start) are kept with it. After an
-- incident or an exercise its evaluation is recorded: what went well, what went less well, what
-- must change; a change can become an action in the action plan.

ALTER TABLE incidents ADD COLUMN participants TEXT;

CREATE TABLE exercise_injects (
    id {{id}},
    incident_id BIGINT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    minute BIGINT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX exercise_injects_incident ON exercise_injects(incident_id);

CREATE TABLE lessons (
    id {{id}},
    incident_id BIGINT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    action_id BIGINT REFERENCES actions(id) ON DELETE SET NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX lessons_incident ON lessons(incident_id);
