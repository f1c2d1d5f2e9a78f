//! Backups and the export of the whole organisation (administrators only): when the last backup
//! was written and whether backups run on a schedule, how IT restores one, and a button that
//! downloads everything of the organisation as one zip file (only its own rows when several
//! organisations share the database).

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};

use crate::services::archive::{self, schedule};
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::page::Ctx;

/// The last backup as shown: Swedish time, file, size in kB, checksum, and whether it is stale.
pub struct Shown {
    pub at: String,
    pub file: String,
    pub kb: i64,
    pub sha256: String,
    pub stale: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/backups.html")]
pub struct BackupsPage {
    pub ctx: Ctx,
    pub last: Option<Shown>,
    /// The schedule the server runs, in words; none when it runs none.
    pub plan: Option<String>,
    /// Several organisations share the database: the export holds this one's rows only.
    pub shared: bool,
}

pub async fn page(user: CurrentUser, State(state): State<AppState>) -> Result<BackupsPage, AppError> {
    user.require(user.role.manages_users())?;
    let mut ctx = Ctx::new(&state, &user, "/backups", String::new());
    ctx.title = ctx.tr.t("backups-title");
    let last = schedule::last(&state.db.pool).await?.map(|l| Shown {
        at: l.at.shown_minute(),
        stale: l.at.seconds_since() > schedule::STALE_AFTER_SECS,
        file: l.file,
        kb: i64::try_from(l.bytes.div_ceil(1024)).unwrap_or(i64::MAX),
        sha256: l.sha256,
    });
    let plan = schedule::plan(&state.db.pool).await?.map(|p| {
        let hours = format!("{}", (p.every_hours * 100.0).round() / 100.0);
        ctx.tr.args("backups-schedule-on", &[("hours", &hours), ("dir", &p.dir), ("keep", &p.keep.to_string())])
    });
    let shared = crate::store::orgs::list(&state.db.pool).await?.len() > 1;
    Ok(BackupsPage { ctx, last, plan, shared })
}

/// Starts the export of the whole organisation as a zip (recorded in the audit trail) in the
/// background; the answer is its job's page, which offers the file when it is done.
pub async fn export(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, tr, .. } = posted;
    user.require(user.role.manages_users())?;
    let (scope, failed) = (tr.t("jobs-scope-organisation"), tr.t("job-failed-error"));
    let job = archive::start_download(&state.db, user.actor(), scope, failed).await?;
    Ok(Redirect::to(&format!("/jobs/{job}")).into_response())
}
