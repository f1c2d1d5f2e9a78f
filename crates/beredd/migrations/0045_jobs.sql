-- Long work done in the background (issue 24): a whole-organisation binder, the export of the
-- organisation, an offline kit, the saving of a large register file. The state and progress live
-- here, not in the memory of the process that runs the job, so that any `beredd serve` sharing the
-- database can show the progress page. A job is seen only by the user who started it (and the
-- organisation's administrators).
--
-- `state` is queued, running, done or failed. `done` of `total` is the progress of the current
-- `step` (a code the page shows in words; total 0 when it cannot be counted); `updated_at` is
-- written every few seconds while the job runs, so a job whose process died is seen to have
-- stopped. `message` says why a job failed. The result is either kept here (`result`, with its
-- file name and type; removed after a day) or is a link to where it already lives (`result_link`).
CREATE TABLE jobs (
    id {{id}},
    org_id BIGINT NOT NULL REFERENCES organisations(id),
    user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    scope TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL,
    step TEXT NOT NULL DEFAULT '',
    done BIGINT NOT NULL DEFAULT 0,
    total BIGINT NOT NULL DEFAULT 0,
    message TEXT,
    result {{blob}},
    result_name TEXT,
    result_type TEXT,
    result_bytes BIGINT,
    result_link TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    finished_at TEXT
);
CREATE INDEX jobs_by_user ON jobs (org_id, user_id, id);
