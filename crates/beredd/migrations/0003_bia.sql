-- Business impact analysis (konsekvensanalys), one per activity: how long an outage can be
-- tolerated, recovery objectives, and the consequence after an hour, a day, a week and a month.

CREATE TABLE bia (
    activity_id BIGINT PRIMARY KEY REFERENCES activities(id) ON DELETE CASCADE,
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    mtpd_hours BIGINT,
    rto_hours BIGINT,
    rpo_hours BIGINT,
    level_1h BIGINT,
    text_1h TEXT,
    level_1d BIGINT,
    text_1d TEXT,
    level_1w BIGINT,
    text_1w TEXT,
    level_1m BIGINT,
    text_1m TEXT,
    peak_periods TEXT,
    min_staffing TEXT,
    signed_off_by TEXT,
    signed_off_at TEXT,
    updated_at TEXT NOT NULL
);
