//! Long work done in the background (a whole-organisation binder, the export of the organisation,
//! an offline kit, a large register file): what a job is, where it stands, and when a job that
//! says it is running has stopped being believed.

crate::kinds::vocabulary!(
    /// What a job makes.
    JobKind, "job-kind", {
        Binder => "binder",
        Export => "export",
        Kit => "kit",
        Import => "import",
    }
);

crate::kinds::vocabulary!(
    /// Where a job stands.
    JobState, "job-state", {
        Queued => "queued",
        Running => "running",
        Done => "done",
        Failed => "failed",
    }
);

crate::kinds::vocabulary!(
    /// What a running job is doing now; its progress (`done` of `total`) counts within the step.
    JobStep, "job-step", {
        Waiting => "waiting",
        Gather => "gather",
        Typeset => "typeset",
        Record => "record",
        Tables => "tables",
        Pack => "pack",
        Seal => "seal",
        Compare => "compare",
        Rows => "rows",
        Finished => "finished",
    }
);

/// How often a running job writes its progress (and that it is alive) to the database.
pub const WRITE_EVERY_SECS: u64 = 2;

/// A job that has written nothing for this long while queued or running is taken to have
/// stopped: the process that ran it ended (a restart, a crash) and nothing will finish it.
pub const STALE_AFTER_SECS: i64 = 120;

/// How long a finished job's result is kept for its user to download.
pub const KEEP_RESULT_SECS: i64 = 24 * 3600;

impl JobState {
    /// Whether the job has ended, well or not.
    pub fn finished(self) -> bool {
        matches!(self, JobState::Done | JobState::Failed)
    }

    /// The state to show: a job that claims to be queued or running but has written nothing for
    /// [`STALE_AFTER_SECS`] (`silent_secs` since its last write; `None` when that time cannot be
    /// read) has failed.
    pub fn as_seen(self, silent_secs: Option<i64>) -> JobState {
        if !self.finished() && silent_secs.is_none_or(|s| s > STALE_AFTER_SECS) { JobState::Failed } else { self }
    }
}

/// Progress in whole percent, 0–100; `None` when the total is not known (the step cannot count).
pub fn percent(done: i64, total: i64) -> Option<i64> {
    (total > 0).then(|| (done.clamp(0, total) * 100) / total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_silent_running_job_is_failed_and_a_finished_one_stays_as_it_ended() {
        assert_eq!(JobState::Running.as_seen(Some(5)), JobState::Running);
        assert_eq!(JobState::Queued.as_seen(Some(STALE_AFTER_SECS + 1)), JobState::Failed);
        assert_eq!(JobState::Running.as_seen(None), JobState::Failed);
        assert_eq!(JobState::Done.as_seen(Some(10 * STALE_AFTER_SECS)), JobState::Done);
        assert_eq!(JobState::Failed.as_seen(Some(1)), JobState::Failed);
    }

    #[test]
    fn percent_counts_within_the_total_and_is_unknown_without_one() {
        assert_eq!(percent(0, 0), None);
        assert_eq!(percent(1, 3), Some(33));
        assert_eq!(percent(5, 4), Some(100));
        assert_eq!(percent(-1, 4), Some(0));
    }
}
