-- Importing the registers from a spreadsheet (xlsx or CSV). The keys a municipality already has,
-- so that next month's file finds the same records: a person's employee number (from the HR
-- system), a unit's code (from the organisation chart or the ledger) and a system's id (from the
-- IT department's list). Each is optional and unique within the organisation when given.
ALTER TABLE people ADD COLUMN employee_number TEXT;
ALTER TABLE units ADD COLUMN code TEXT;
ALTER TABLE systems ADD COLUMN code TEXT;
CREATE UNIQUE INDEX people_employee_number ON people (org_id, employee_number);
CREATE UNIQUE INDEX units_code ON units (org_id, code);
CREATE UNIQUE INDEX systems_code ON systems (org_id, code);

-- Which column of a file goes to which field, chosen once per organisation and register: the
-- file's column heading (trimmed, lower case) to a field's key, or to nothing (ignored).
CREATE TABLE import_mappings (
    id {{id}},
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    register TEXT NOT NULL,
    heading TEXT NOT NULL,
    field TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (org_id, register, heading)
);

-- An uploaded file kept between its preview and "Spara": for its user only, for an hour; a user
-- has at most a few at a time and older ones are removed when a new one comes.
CREATE TABLE import_uploads (
    id {{id}},
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token TEXT NOT NULL UNIQUE,
    register TEXT NOT NULL,
    file_name TEXT NOT NULL,
    content {{blob}} NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX import_uploads_user ON import_uploads (user_id);
