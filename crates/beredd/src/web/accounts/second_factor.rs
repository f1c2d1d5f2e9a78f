//! The second factor: the user sets it up on their account (the secret, the address an
//! authenticator app reads, a first code, then the recovery codes once); the login asks for a
//! code after the password; an administrator resets it on the user's page.

use askama::Template;
use askama_web::WebTemplate;
use axum::Extension;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

use crate::platform::i18n::Tr;
use crate::platform::totp;
use crate::services::accounts::{login, second_factor};
use crate::store::{orgs, users};
use crate::web::AppState;
use crate::web::auth::{self, CurrentUser, PRELOGIN_COOKIE, Posted, PreLoginForm};
use crate::web::error::AppError;
use crate::web::page::Ctx;
use crate::web::register::parse_id;

/// The cookie that carries the second step's token (the password was right).
pub const STEP_COOKIE: &str = "beredd_second_step";

#[derive(Template, WebTemplate)]
#[template(path = "accounts/second_factor.html")]
pub struct SetupPage {
    pub ctx: Ctx,
    pub on: bool,
    /// The organisation requires a second factor (said while it is off).
    pub required: bool,
    pub secret: String,
    pub uri: String,
    pub error: Option<String>,
    /// Shown once, right after the second factor was turned on.
    pub recovery: Vec<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/login_code.html")]
pub struct CodePage {
    pub tr: Tr,
    pub csrf: String,
    pub next: String,
    pub error: Option<String>,
}

async fn setup(
    state: &AppState,
    user: &CurrentUser,
    error: Option<&str>,
    recovery: Vec<String>,
) -> Result<SetupPage, AppError> {
    let mut ctx = Ctx::new(state, user, "/account", String::new());
    ctx.title = ctx.tr.t("second-factor-title");
    let on = second_factor::is_on(&state.db, user.id).await?;
    let secret = if on { String::new() } else { second_factor::begin(&state.db, user.id).await? };
    let uri = if on { String::new() } else { totp::uri(&secret, &user.username) };
    let required = orgs::get(&state.db.pool, user.org_id).await?.is_some_and(|o| o.second_factor_required.get());
    Ok(SetupPage { error: error.map(|e| ctx.tr.t(e)), ctx, on, required, secret, uri, recovery })
}

pub async fn page(user: CurrentUser, State(state): State<AppState>) -> Result<SetupPage, AppError> {
    setup(&state, &user, None, Vec::new()).await
}

pub async fn confirm(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    let mut conn = state.db.pool.acquire().await?;
    let me = users::get(&mut conn, user.org_id, user.id).await?.ok_or(AppError::NotFound)?;
    drop(conn);
    match second_factor::confirm(&state.db, &user.actor(), &me, form.text("code")).await {
        Ok(codes) => Ok(setup(&state, &user, None, codes).await?.into_response()),
        Err(crate::services::Failure::Invalid(_)) => {
            let page = setup(&state, &user, Some("second-factor-wrong-code"), Vec::new()).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// Asks for the code after a right password: the page, with the second step's cookie.
pub fn ask(
    state: &AppState,
    headers: &HeaderMap,
    status: StatusCode,
    next: String,
    username: &str,
    error: Option<&str>,
) -> Response {
    let tr = Tr::new(state.catalog.clone(), auth::lang_from_headers(headers));
    let csrf = auth::prelogin_token(state);
    let step = auth::second_step_token(state, username);
    let page = CodePage { error: error.map(|e| tr.t(e)), tr, csrf: csrf.clone(), next };
    let mut resp = (status, page).into_response();
    for c in [
        auth::set_cookie(state, headers, PRELOGIN_COOKIE, &csrf, auth::PRELOGIN_SECS),
        auth::set_cookie(state, headers, STEP_COOKIE, &step, 300),
    ] {
        if let Ok(v) = c.parse() {
            resp.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    resp
}

/// The second step of a local login.
pub async fn submit(
    State(state): State<AppState>,
    peer: Option<Extension<ConnectInfo<std::net::SocketAddr>>>,
    posted: PreLoginForm,
) -> Result<Response, AppError> {
    let PreLoginForm { form, headers } = posted;
    let client = state.client(peer.map(|Extension(ConnectInfo(p))| p), &headers);
    let next = super::login::safe_next(form.get("next"));
    let Some(username) = auth::cookie(&headers, STEP_COOKIE).and_then(|t| auth::second_step_user(&state, t)) else {
        return Ok(Redirect::to("/login").into_response());
    };
    match login::second_step(&state.db, &state.throttle, &username, form.text("code"), client).await? {
        login::Outcome::In(session) => Ok(super::login::logged_in(&state, &headers, &next, &session)),
        login::Outcome::Refused { why: login::Why::Failed, .. } => {
            Ok(ask(&state, &headers, StatusCode::UNAUTHORIZED, next, &username, Some("second-factor-wrong-code")))
        }
        login::Outcome::Refused { why, username } => {
            let (status, message) = super::login::refusal(why);
            super::login::page_with(&state, &headers, status, next, username, Some(message)).await
        }
        login::Outcome::SecondStep { .. } => Ok(Redirect::to("/login").into_response()),
    }
}

/// An administrator removes a user's second factor (a lost phone).
pub async fn reset(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, .. } = posted;
    user.require(user.role.manages_users())?;
    let mut conn = state.db.pool.acquire().await?;
    let target = users::get(&mut conn, user.org_id, parse_id(&id)?).await?.ok_or(AppError::NotFound)?;
    drop(conn);
    second_factor::reset(&state.db, &user.actor(), &target).await?;
    Ok(Redirect::to("/users?msg=saved").into_response())
}
