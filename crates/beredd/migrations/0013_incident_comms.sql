-- Reporting and communication during an incident: whether it is significant under the
-- cybersecurity act (NIS2) or a personal-data breach, the reports sent (when, by whom, what),
-- the public hotline numbers, published messages and media requests routed to the spokesperson.

ALTER TABLE incidents ADD COLUMN significant BIGINT NOT NULL DEFAULT 0;
ALTER TABLE incidents ADD COLUMN personal_data BIGINT NOT NULL DEFAULT 0;

CREATE TABLE incident_reports (
    incident_id BIGINT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    duty TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    sent_by TEXT NOT NULL,
    reference TEXT,
    body TEXT NOT NULL,
    PRIMARY KEY (incident_id, duty)
);

CREATE TABLE incident_hotlines (
    id {{id}},
    incident_id BIGINT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    number TEXT NOT NULL,
    hours TEXT,
    answered_by TEXT NOT NULL
);

CREATE TABLE incident_messages (
    id {{id}},
    incident_id BIGINT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    channel TEXT NOT NULL,
    text TEXT NOT NULL,
    approved_by TEXT NOT NULL,
    published_by TEXT NOT NULL,
    published_at TEXT NOT NULL
);

CREATE TABLE media_requests (
    id {{id}},
    incident_id BIGINT NOT NULL REFERENCES incidents(id) ON DELETE CASCADE,
    outlet TEXT NOT NULL,
    contact TEXT,
    question TEXT NOT NULL,
    received_at TEXT NOT NULL,
    routed_to TEXT NOT NULL,
    answered_by TEXT,
    answered_at TEXT
);
