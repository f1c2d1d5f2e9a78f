//! Long work in the background ("Mina körningar"): the user's latest jobs, one job's page with its
//! progress (htmx asks for the status every second; without script, an "Uppdatera" link reloads
//! the page), and the download of what a job made. A job is seen by the user who started it and
//! by the organisation's administrators; anyone else is told it does not exist.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use beredd_domain::job::{self, JobState, JobStep};

use crate::platform::i18n::Tr;
use crate::services::jobs::{self, Viewer};
use crate::store::jobs::Job;
use crate::web::AppState;
use crate::web::auth::CurrentUser;
use crate::web::error::AppError;
use crate::web::page::Ctx;
use crate::web::register::parse_id;

/// A job in the list.
pub struct JobRow {
    pub href: String,
    pub what: String,
    pub started: String,
    pub state: String,
    /// The state's CSS class: state-ok, state-degraded or state-down.
    pub class: &'static str,
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/jobs.html")]
pub struct JobsPage {
    pub ctx: Ctx,
    pub rows: Vec<JobRow>,
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/job.html")]
pub struct JobPage {
    pub ctx: Ctx,
    pub started: String,
    pub status: JobStatus,
}

/// Where a job stands, in words: the part of its page that htmx refreshes.
#[derive(Template, WebTemplate)]
#[template(path = "accounts/_job_status.html")]
pub struct JobStatus {
    pub id: i64,
    /// Still going: the page keeps asking.
    pub going: bool,
    pub line: String,
    /// How far the current step has come; `total` 0 while it cannot be counted (the progress bar
    /// then shows no value).
    pub done: i64,
    pub total: i64,
    pub percent: String,
    /// Why it failed.
    pub failed: Option<String>,
    /// (address, text) of the result.
    pub result: Option<(String, String)>,
    /// Said when the job made a file that is no longer kept.
    pub gone: Option<String>,
    pub refresh: String,
    pub leave: String,
}

fn viewer(user: &CurrentUser) -> Viewer {
    Viewer { org: user.org_id, user: user.id, admin: user.role.manages_users() }
}

fn what(j: &Job, tr: &Tr) -> String {
    tr.args("job-what", &[("kind", &tr.t(j.kind.label_id())), ("scope", &j.scope)])
}

fn status(j: &Job, tr: &Tr) -> JobStatus {
    let state = j.seen_state();
    let step = tr.t(j.step.label_id());
    let line = match state {
        JobState::Done => tr.t("job-done"),
        JobState::Failed => tr.t("job-failed"),
        _ if j.total > 0 && j.step != JobStep::Waiting => tr.args(
            "job-progress-count",
            &[("step", &step), ("done", &j.done.to_string()), ("total", &j.total.to_string())],
        ),
        _ => step,
    };
    let failed = (state == JobState::Failed).then(|| match j.message.as_deref() {
        _ if j.stalled() => tr.t("job-stalled"),
        Some(m) if !m.is_empty() => m.to_owned(),
        _ => tr.t("job-failed-error"),
    });
    let ok = state == JobState::Done;
    let file = j.result_name.as_deref().filter(|_| ok && j.has_result != 0);
    let result = match (file, j.result_link.as_deref().filter(|_| ok)) {
        (Some(name), _) => {
            let kb = (j.result_bytes.unwrap_or(0).max(0) + 1023) / 1024;
            let kb = kb.to_string();
            Some((format!("/jobs/{}/result", j.id), tr.args("job-download", &[("file", name), ("kb", &kb)])))
        }
        (None, Some(link)) => Some((link.to_owned(), tr.t("job-show-result"))),
        _ => None,
    };
    let gone = (ok && result.is_none()).then(|| tr.t("job-result-gone"));
    let (done, total) = if state.finished() { (0, 0) } else { (j.done.clamp(0, j.total.max(0)), j.total.max(0)) };
    let percent = job::percent(j.done, j.total).map_or_else(String::new, |p| format!("{p} %"));
    let (refresh, leave) = (tr.t("job-refresh"), tr.t("job-leave"));
    let going = !state.finished();
    JobStatus { id: j.id, going, line, done, total, percent, failed, result, gone, refresh, leave }
}

fn row(j: &Job, tr: &Tr) -> JobRow {
    let state = j.seen_state();
    let class = match state {
        JobState::Done => "state-ok",
        JobState::Failed => "state-down",
        _ => "state-degraded",
    };
    let started = j.created_at.shown_minute();
    JobRow { href: format!("/jobs/{}", j.id), what: what(j, tr), started, state: tr.t(state.label_id()), class }
}

/// "Mina körningar": the user's own latest jobs.
pub async fn list(user: CurrentUser, State(state): State<AppState>) -> Result<JobsPage, AppError> {
    let mut ctx = Ctx::new(&state, &user, "/account", String::new());
    ctx.title = ctx.tr.t("jobs-title");
    let rows = jobs::mine(&state.db, &viewer(&user)).await?.iter().map(|j| row(j, &ctx.tr)).collect();
    Ok(JobsPage { ctx, rows })
}

async fn seen(state: &AppState, user: &CurrentUser, id: &str) -> Result<Job, AppError> {
    jobs::seen_by(&state.db, &viewer(user), parse_id(id)?).await?.ok_or(AppError::NotFound)
}

/// One job's page: what it makes, how far it has come, and its result when done.
pub async fn show(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<JobPage, AppError> {
    let j = seen(&state, &user, &id).await?;
    let mut ctx = Ctx::new(&state, &user, "/account", String::new());
    ctx.title = what(&j, &ctx.tr);
    let started = ctx.tr.ts("job-started", "at", &j.created_at.shown_minute());
    let status = status(&j, &ctx.tr);
    Ok(JobPage { ctx, started, status })
}

/// The status part alone, for htmx. A finished job answers 286, which tells htmx to stop asking.
pub async fn poll(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let j = seen(&state, &user, &id).await?;
    let status = status(&j, &Tr::new(state.catalog.clone(), user.lang));
    let code = if status.going { StatusCode::OK } else { StatusCode::from_u16(286).unwrap_or(StatusCode::OK) };
    Ok((code, status).into_response())
}

/// What a finished job made, as a download.
pub async fn result(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let (name, content_type, bytes) =
        jobs::file_for(&state.db, &viewer(&user), parse_id(&id)?).await?.ok_or(AppError::NotFound)?;
    Ok(crate::web::classification::evidence::file_response(&name, &content_type, bytes))
}
