//! Background jobs and their progress (`migrations/0045_jobs.sql`): written by the process that
//! runs the job every few seconds, read by any process that shows it. The result's bytes are read
//! only when downloaded.

use beredd_domain::job::{JobKind, JobState, JobStep};
use sqlx::{Any, Executor};

use super::{Code, DbError};
use crate::platform::clock;

/// One job as its page shows it (without the result's bytes).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Job {
    pub id: i64,
    pub org_id: i64,
    pub user_id: i64,
    #[sqlx(try_from = "Code<JobKind>")]
    pub kind: JobKind,
    /// What it was made of, in words ("Hela organisationen", "Personal.xlsx").
    pub scope: String,
    #[sqlx(try_from = "Code<JobState>")]
    pub state: JobState,
    #[sqlx(try_from = "Code<JobStep>")]
    pub step: JobStep,
    pub done: i64,
    pub total: i64,
    /// Why it failed.
    pub message: Option<String>,
    pub result_name: Option<String>,
    pub result_type: Option<String>,
    pub result_bytes: Option<i64>,
    /// Where the result already lives (a page of Beredd), when it is not kept here.
    pub result_link: Option<String>,
    /// Whether the result's bytes are still kept (they are removed after a day).
    pub has_result: i64,
    pub created_at: crate::platform::clock::Stamp,
    pub updated_at: crate::platform::clock::Stamp,
    pub finished_at: Option<crate::platform::clock::Stamp>,
}

impl Job {
    /// The state to show: a job that stopped writing while unfinished has failed.
    pub fn seen_state(&self) -> JobState {
        self.state.as_seen(Some(self.updated_at.seconds_since()))
    }

    /// Whether it is shown as failed only because it stopped writing (its process ended).
    pub fn stalled(&self) -> bool {
        !self.state.finished() && self.seen_state() == JobState::Failed
    }
}

macro_rules! select {
    ($rest:literal) => {
        concat!(
            "SELECT id, org_id, user_id, kind, scope, state, step, done, total, message, result_name, result_type, result_bytes, result_link,
             CAST(CASE WHEN result IS NULL THEN 0 ELSE 1 END AS BIGINT) AS has_result, created_at, updated_at, finished_at FROM jobs ",
            $rest
        )
    };
}

/// Records a new job, queued, for `user`; gives its id.
pub async fn create<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    user: i64,
    kind: JobKind,
    scope: &str,
) -> Result<i64, DbError> {
    let now = clock::stamp();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO jobs (org_id, user_id, kind, scope, state, step, done, total, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, 0, 0, $7, $7) RETURNING id",
    )
    .bind(org)
    .bind(user)
    .bind(kind.code())
    .bind(scope)
    .bind(JobState::Queued.code())
    .bind(JobStep::Waiting.code())
    .bind(now)
    .fetch_one(e)
    .await?;
    Ok(id)
}

/// Writes where a running job stands (and so that it is alive). A finished job is left as it is.
pub async fn progress<'c, E: Executor<'c, Database = Any>>(
    e: E,
    id: i64,
    step: JobStep,
    done: i64,
    total: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE jobs SET state = $1, step = $2, done = $3, total = $4, updated_at = $5
         WHERE id = $6 AND state IN ('queued', 'running')",
    )
    .bind(JobState::Running.code())
    .bind(step.code())
    .bind(done)
    .bind(total)
    .bind(clock::stamp())
    .bind(id)
    .execute(e)
    .await?;
    Ok(())
}

/// What a finished job leaves: a file kept here, or a link to where the result lives.
pub enum Outcome<'a> {
    File { name: &'a str, content_type: &'a str, bytes: &'a [u8] },
    Link(&'a str),
}

/// Marks a job done with its result.
pub async fn finish<'c, E: Executor<'c, Database = Any>>(e: E, id: i64, outcome: Outcome<'_>) -> Result<(), DbError> {
    let now = clock::stamp();
    let (name, ctype, bytes, link) = match outcome {
        Outcome::File { name, content_type, bytes } => (Some(name), Some(content_type), Some(bytes), None),
        Outcome::Link(link) => (None, None, None, Some(link)),
    };
    sqlx::query(
        "UPDATE jobs SET state = $1, step = $2, done = total, result = $3, result_name = $4, result_type = $5,
         result_bytes = $6, result_link = $7, updated_at = $8, finished_at = $8 WHERE id = $9",
    )
    .bind(JobState::Done.code())
    .bind(JobStep::Finished.code())
    .bind(bytes)
    .bind(name)
    .bind(ctype)
    .bind(bytes.map(|b| i64::try_from(b.len()).unwrap_or(i64::MAX)))
    .bind(link)
    .bind(now)
    .bind(id)
    .execute(e)
    .await?;
    Ok(())
}

/// Marks a job failed, saying why.
pub async fn fail<'c, E: Executor<'c, Database = Any>>(e: E, id: i64, message: &str) -> Result<(), DbError> {
    let now = clock::stamp();
    sqlx::query("UPDATE jobs SET state = $1, message = $2, updated_at = $3, finished_at = $3 WHERE id = $4")
        .bind(JobState::Failed.code())
        .bind(message)
        .bind(now)
        .bind(id)
        .execute(e)
        .await?;
    Ok(())
}

/// One job of the organisation.
pub async fn get<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, id: i64) -> Result<Option<Job>, DbError> {
    Ok(sqlx::query_as(select!("WHERE org_id = $1 AND id = $2")).bind(org).bind(id).fetch_optional(e).await?)
}

/// A user's latest jobs, newest first.
pub async fn of_user<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    user: i64,
    limit: i64,
) -> Result<Vec<Job>, DbError> {
    Ok(sqlx::query_as(select!("WHERE org_id = $1 AND user_id = $2 ORDER BY id DESC LIMIT $3"))
        .bind(org)
        .bind(user)
        .bind(limit)
        .fetch_all(e)
        .await?)
}

/// A user's jobs of one kind that have not ended, newest first (some may have stalled).
pub async fn unfinished<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    user: i64,
    kind: JobKind,
) -> Result<Vec<Job>, DbError> {
    Ok(sqlx::query_as(select!(
        "WHERE org_id = $1 AND user_id = $2 AND kind = $3 AND state IN ('queued', 'running') ORDER BY id DESC"
    ))
    .bind(org)
    .bind(user)
    .bind(kind.code())
    .fetch_all(e)
    .await?)
}

/// A finished job's file: (name, content type, bytes); `None` when it has none (any more).
pub async fn result<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    id: i64,
) -> Result<Option<(String, String, Vec<u8>)>, DbError> {
    /// The result's name, type and bytes, each perhaps gone.
    type Kept = (Option<String>, Option<String>, Option<Vec<u8>>);
    let row: Option<Kept> = sqlx::query_as(
        "SELECT result_name, result_type, result FROM jobs WHERE org_id = $1 AND id = $2 AND state = 'done'",
    )
    .bind(org)
    .bind(id)
    .fetch_optional(e)
    .await?;
    Ok(row.and_then(|(n, t, b)| Some((n?, t?, b?))))
}

/// Removes the kept files of jobs that finished before `before` (the rows stay, as a record).
pub async fn drop_results_before<'c, E: Executor<'c, Database = Any>>(e: E, before: &str) -> Result<u64, DbError> {
    Ok(sqlx::query("UPDATE jobs SET result = NULL WHERE result IS NOT NULL AND finished_at < $1")
        .bind(before)
        .execute(e)
        .await?
        .rows_affected())
}
