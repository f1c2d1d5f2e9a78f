//! Long work in the background: a job is recorded in the database, run in a task of the process
//! that was asked, and writes how far it has come every few seconds (never per row), so that any
//! process sharing the database shows its progress. The person who started it, and the
//! organisation's administrators, see it and download what it made.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use beredd_domain::job::{JobKind, JobState, KEEP_RESULT_SECS, WRITE_EVERY_SECS};

use crate::platform::clock;
use crate::platform::db::{Db, DbError};
use crate::platform::progress::{Latest, Progress};
use crate::store::jobs::{self, Job, Outcome};

/// What a job made.
pub enum Made {
    /// A file, kept with the job for a day.
    File { name: String, content_type: &'static str, bytes: Vec<u8> },
    /// A page of Beredd where the result already lives.
    Link(String),
}

/// Why a job failed, in the words its user reads (their language, said when it was started).
pub type Failed = String;

/// Who asks for a job, and what of.
pub struct Request {
    pub org: i64,
    pub user: i64,
    pub kind: JobKind,
    /// What it is made of, in words.
    pub scope: String,
}

/// Who looks at a job.
pub struct Viewer {
    pub org: i64,
    pub user: i64,
    /// An administrator sees every job of the organisation.
    pub admin: bool,
}

/// Starts `work` as a job and gives its id. If the user already has the same job going (same
/// kind and scope, not stalled), that job's id is given instead of starting a second.
pub async fn start<F, Fut>(db: &Db, req: Request, work: F) -> Result<i64, DbError>
where
    F: FnOnce(Db, Arc<dyn Progress>) -> Fut + Send + 'static,
    Fut: Future<Output = Result<Made, Failed>> + Send + 'static,
{
    let going = jobs::unfinished(&db.pool, req.org, req.user, req.kind).await?;
    if let Some(j) = going.into_iter().find(|j| j.scope == req.scope && !j.stalled()) {
        return Ok(j.id);
    }
    start_new(db, req, work).await
}

/// Starts `work` as a new job even if the user has the same one going: for work that depends on
/// more than its scope says (a kit's passphrase, which no job row may hold).
pub async fn start_new<F, Fut>(db: &Db, req: Request, work: F) -> Result<i64, DbError>
where
    F: FnOnce(Db, Arc<dyn Progress>) -> Fut + Send + 'static,
    Fut: Future<Output = Result<Made, Failed>> + Send + 'static,
{
    jobs::drop_results_before(&db.pool, &clock::stamp_in(-KEEP_RESULT_SECS)).await?;
    let id = jobs::create(&db.pool, req.org, req.user, req.kind, &req.scope).await?;
    let db = db.clone();
    tokio::spawn(run(db, req.org, id, work));
    Ok(id)
}

/// Runs the work in its own task, writing its progress while it runs, then its outcome; the
/// organisation's version then moves on, since the work may have written its data.
async fn run<F, Fut>(db: Db, org: i64, id: i64, work: F)
where
    F: FnOnce(Db, Arc<dyn Progress>) -> Fut + Send + 'static,
    Fut: Future<Output = Result<Made, Failed>> + Send + 'static,
{
    let latest = Arc::new(Latest::default());
    db.running.add(id, latest.clone());
    let mut task = tokio::spawn(work(db.clone(), latest.clone() as Arc<dyn Progress>));
    let mut every = tokio::time::interval(Duration::from_secs(WRITE_EVERY_SECS));
    let ended = loop {
        tokio::select! {
            ended = &mut task => break ended,
            _ = every.tick() => {
                let (step, done, total) = latest.get();
                let (done, total) = (i64::try_from(done).unwrap_or(i64::MAX), i64::try_from(total).unwrap_or(i64::MAX));
                if let Err(e) = jobs::progress(&db.pool, id, step, done, total).await {
                    tracing::warn!(job = id, "the job's progress could not be written: {e}");
                }
            }
        }
    };
    let written = match ended {
        Ok(Ok(Made::File { name, content_type, bytes })) => {
            jobs::finish(&db.pool, id, Outcome::File { name: &name, content_type, bytes: &bytes }).await
        }
        Ok(Ok(Made::Link(link))) => jobs::finish(&db.pool, id, Outcome::Link(&link)).await,
        Ok(Err(why)) => jobs::fail(&db.pool, id, &why).await,
        Err(e) => {
            tracing::error!(job = id, "the job stopped: {e}");
            // No words of its own: the page says that Beredd failed, in the reader's language.
            jobs::fail(&db.pool, id, "").await
        }
    };
    db.running.remove(id);
    let written = match written {
        Ok(()) => crate::store::versions::touch(&db.pool, org).await,
        failed => failed,
    };
    if let Err(e) = written {
        // Nothing more can be done here: the job is shown as failed once it has been silent.
        tracing::error!(job = id, "the job's outcome could not be written: {e}");
    }
}

/// A job as this process knows it: one it runs here is where its latest report says, and alive,
/// whatever its row could be written to say.
fn as_known(db: &Db, mut j: Job) -> Job {
    if let Some((step, done, total)) = db.running.get(j.id).filter(|_| !j.state.finished()) {
        j.state = JobState::Running;
        j.step = step;
        j.done = i64::try_from(done).unwrap_or(i64::MAX);
        j.total = i64::try_from(total).unwrap_or(i64::MAX);
        j.updated_at = clock::now_stamp();
    }
    j
}

/// A job, if `viewer` may see it: its own user's, or any of the organisation's to an administrator.
pub async fn seen_by(db: &Db, viewer: &Viewer, id: i64) -> Result<Option<Job>, DbError> {
    let job = jobs::get(&db.pool, viewer.org, id).await?;
    Ok(job.filter(|j| viewer.admin || j.user_id == viewer.user).map(|j| as_known(db, j)))
}

/// A finished job's file, if `viewer` may see the job: (name, content type, bytes).
pub async fn file_for(db: &Db, viewer: &Viewer, id: i64) -> Result<Option<(String, String, Vec<u8>)>, DbError> {
    if seen_by(db, viewer, id).await?.is_none() {
        return Ok(None);
    }
    jobs::result(&db.pool, viewer.org, id).await
}

/// The viewer's own latest jobs, newest first.
pub async fn mine(db: &Db, viewer: &Viewer) -> Result<Vec<Job>, DbError> {
    Ok(jobs::of_user(&db.pool, viewer.org, viewer.user, 30).await?.into_iter().map(|j| as_known(db, j)).collect())
}
