//! `/platform`: the installation's organisations (name, short name, host, state, users,
//! created) and the platform administrator's forms to create, rename, suspend, resume and
//! remove one. Every action goes through `services::hosting`, as the command line's do, and is in
//! the organisation's audit trail. Nothing of an organisation's content is shown.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

use super::{PlatformPosted, PlatformUser};
use crate::platform::i18n::Tr;
use crate::services::hosting::{self, By};
use crate::services::{Failure, Invalid};
use crate::store::orgs;
use crate::web::AppState;
use crate::web::error::AppError;
use crate::web::register::Query_;

/// The create form's fields, in order (the template builds their labels' ids from these).
pub const NEW_FIELDS: [&str; 4] = ["name", "slug", "org_number", "host"];

/// One organisation as the list shows it.
pub struct Row {
    pub id: i64,
    pub name: String,
    pub slug: String,
    pub host: String,
    /// The day it was suspended; none while it is active.
    pub suspended: Option<String>,
    pub users: i64,
    pub created: String,
}

/// The new organisation's one-time link, shown once after it is created.
pub struct Made {
    pub name: String,
    pub login: String,
    pub setup: String,
}

/// What the page shows besides the list: a notice, a refusal, a new organisation's link, and
/// the create form's values and errors (field, text).
#[derive(Default)]
pub struct Extra {
    pub notice: Option<String>,
    pub error: Option<String>,
    pub made: Option<Made>,
    pub new: [String; 4],
    pub errors: Vec<(String, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "platform/page.html")]
pub struct Page {
    pub tr: Tr,
    pub csrf: String,
    pub username: String,
    /// The administrator has a second factor (else the page asks them to set one up).
    pub second_factor: bool,
    pub rows: Vec<Row>,
    pub extra: Extra,
}

impl Page {
    /// The create form's error for `field`, if it has one.
    pub fn count(&self) -> i64 {
        self.rows.len() as i64
    }

    pub fn error_of(&self, field: &str) -> Option<&str> {
        self.extra.errors.iter().find(|(f, _)| f == field).map(|(_, t)| t.as_str())
    }
}

async fn render(state: &AppState, user: &PlatformUser, status: StatusCode, extra: Extra) -> Result<Response, AppError> {
    let counts = orgs::counts(&state.db.pool).await?;
    let users = |id: i64| counts.iter().find(|c| c.org_id == id).map_or(0, |c| c.users);
    let rows = orgs::list(&state.db.pool)
        .await?
        .into_iter()
        .map(|o| Row {
            users: users(o.id),
            id: o.id,
            host: o.host.unwrap_or_default(),
            suspended: o.suspended_at.map(|at| at.shown_day()),
            created: o.created_at.shown_day(),
            name: o.name,
            slug: o.slug,
        })
        .collect();
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let second_factor = crate::services::accounts::platform::second_factor_on(&state.db, user.admin_id).await?;
    let (csrf, username) = (user.csrf.clone(), user.username.clone());
    let page = Page { tr, csrf, username, second_factor, rows, extra };
    Ok((status, page).into_response())
}

/// The notice for what was just done (`?done=`), from a fixed list.
fn notice(done: Option<&str>) -> Option<&'static str> {
    match done? {
        "renamed" => Some("platform-done-renamed"),
        "suspended" => Some("platform-done-suspended"),
        "resumed" => Some("platform-done-resumed"),
        "removed" => Some("platform-done-removed"),
        "second-factor" => Some("platform-done-second-factor"),
        _ => None,
    }
}

pub async fn page(
    State(state): State<AppState>,
    user: PlatformUser,
    Query(q): Query<Query_>,
) -> Result<Response, AppError> {
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let extra = Extra { notice: notice(q.get("done").map(String::as_str)).map(|id| tr.t(id)), ..Extra::default() };
    render(&state, &user, StatusCode::OK, extra).await
}

/// A refusal naming its fields, as the page shows it.
fn field_errors(tr: &Tr, inv: &Invalid) -> Vec<(String, String)> {
    inv.0.iter().map(|(f, e)| ((*f).to_owned(), tr.t(e.message_id()))).collect()
}

/// Creates an organisation and shows the one-time link for its first administrator.
pub async fn create(
    State(state): State<AppState>,
    headers: HeaderMap,
    posted: PlatformPosted,
) -> Result<Response, AppError> {
    let PlatformPosted { user, form, tr } = posted;
    let new = NEW_FIELDS.map(|f| form.text(f).to_owned());
    let by = By::Account(&user.username);
    let fields = hosting::NewOrg { name: &new[0], slug: &new[1], org_number: &new[2], host: &new[3] };
    match hosting::create(&state.db, by, fields).await {
        Ok(made) => {
            let base = crate::web::auth::origin(&state, &headers).map(|u| u.to_string()).unwrap_or_default();
            let base = base.trim_end_matches('/');
            let made = Made {
                login: format!("{base}/o/{}", made.org.slug),
                setup: format!("{base}/setup/{}", made.setup_token),
                name: made.org.name,
            };
            render(&state, &user, StatusCode::OK, Extra { made: Some(made), ..Extra::default() }).await
        }
        Err(Failure::Invalid(inv)) => {
            let extra = Extra { errors: field_errors(&tr, &inv), new, ..Extra::default() };
            render(&state, &user, StatusCode::BAD_REQUEST, extra).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn org_of(state: &AppState, id: i64) -> Result<orgs::Organisation, AppError> {
    orgs::get(&state.db.pool, id).await?.ok_or(AppError::NotFound)
}

/// The page again with a refusal at the top, for an action on one organisation.
async fn refused(
    state: &AppState,
    user: &PlatformUser,
    status: StatusCode,
    text: String,
) -> Result<Response, AppError> {
    render(state, user, status, Extra { error: Some(text), ..Extra::default() }).await
}

pub async fn rename(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    posted: PlatformPosted,
) -> Result<Response, AppError> {
    let PlatformPosted { user, form, tr } = posted;
    let org = org_of(&state, id).await?;
    match hosting::rename(&state.db, By::Account(&user.username), &org, form.text("name")).await {
        Ok(()) => Ok(Redirect::to("/platform?done=renamed").into_response()),
        Err(Failure::Invalid(inv)) => {
            let why = field_errors(&tr, &inv).into_iter().map(|(_, t)| t).collect::<Vec<_>>().join(" ");
            let text = tr.args("platform-rename-refused", &[("org", &org.name), ("why", &why)]);
            refused(&state, &user, StatusCode::BAD_REQUEST, text).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn set_suspended(
    state: &AppState,
    id: i64,
    posted: PlatformPosted,
    suspended: bool,
) -> Result<Response, AppError> {
    let org = org_of(state, id).await?;
    hosting::suspend(&state.db, By::Account(&posted.user.username), &org, suspended).await?;
    Ok(Redirect::to(if suspended { "/platform?done=suspended" } else { "/platform?done=resumed" }).into_response())
}

pub async fn suspend(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    posted: PlatformPosted,
) -> Result<Response, AppError> {
    set_suspended(&state, id, posted, true).await
}

pub async fn resume(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    posted: PlatformPosted,
) -> Result<Response, AppError> {
    set_suspended(&state, id, posted, false).await
}

/// Removes an organisation that holds nothing but its setup, its short name typed to confirm.
pub async fn remove(
    State(state): State<AppState>,
    Path(id): Path<i64>,
    posted: PlatformPosted,
) -> Result<Response, AppError> {
    let PlatformPosted { user, form, tr } = posted;
    let org = org_of(&state, id).await?;
    match hosting::remove(&state.db, By::Account(&user.username), &org, form.text("confirm")).await? {
        hosting::Removal::Removed => Ok(Redirect::to("/platform?done=removed").into_response()),
        hosting::Removal::NotConfirmed => {
            let text = tr.args("platform-remove-not-confirmed", &[("org", &org.name), ("slug", &org.slug)]);
            refused(&state, &user, StatusCode::BAD_REQUEST, text).await
        }
        hosting::Removal::HasData { users, others_in_audit, tables } => {
            let (users, entries, tables) = (users.to_string(), others_in_audit.to_string(), tables.len().to_string());
            let args = [("org", org.name.as_str()), ("users", &users), ("entries", &entries), ("tables", &tables)];
            refused(&state, &user, StatusCode::CONFLICT, tr.args("platform-remove-has-data", &args)).await
        }
    }
}
