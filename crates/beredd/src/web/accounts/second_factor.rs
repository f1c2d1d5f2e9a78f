//! The second factor: the user sets it up on their account (the secret, the address an
//! authenticator app reads, a first code, then the recovery codes once); the login asks for a
//! code after the password; an administrator resets it on the user's page.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
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
    /// The app's codes are on (the setup part is hidden; passkeys may still be added).
    pub totp: bool,
    /// The user's passkeys and security keys.
    pub passkeys: Vec<crate::store::passkeys::Passkey>,
    /// Passkeys can be used at this address (a host name, not an IP address).
    pub passkeys_possible: bool,
    /// A message after adding or removing a key.
    pub flash: Option<String>,
}

impl SetupPage {
    pub fn shown(&self, stamp: &Option<crate::platform::clock::Stamp>) -> String {
        stamp.map(|at| at.shown_minute()).unwrap_or_else(|| "–".to_owned())
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/login_code.html")]
pub struct CodePage {
    pub tr: Tr,
    pub csrf: String,
    pub next: String,
    pub error: Option<String>,
    /// The user has the app's codes on (else the field takes recovery codes only).
    pub totp: bool,
    /// The user has passkeys: the page offers them first.
    pub passkey: bool,
}

/// What the page says besides the form: an error, a message, the recovery codes shown once.
#[derive(Default)]
pub struct Said<'a> {
    pub error: Option<&'a str>,
    pub flash: Option<&'a str>,
    pub recovery: Vec<String>,
}

pub async fn setup(
    state: &AppState,
    headers: &HeaderMap,
    user: &CurrentUser,
    said: Said<'_>,
) -> Result<SetupPage, AppError> {
    let mut ctx = Ctx::new(state, user, "/account", String::new());
    ctx.title = ctx.tr.t("second-factor-title");
    let on = second_factor::is_on(&state.db, user.id).await?;
    let totp = second_factor::totp_on(&state.db, user.id).await?;
    let secret = if totp { String::new() } else { second_factor::begin(&state.db, user.id).await? };
    let uri = if totp { String::new() } else { totp::uri(&secret, &user.username) };
    let rule = orgs::get(&state.db.pool, user.org_id).await?.map(|o| o.second_factor_required).unwrap_or_default();
    let mut conn = state.db.pool.acquire().await?;
    let break_glass = users::get(&mut conn, user.org_id, user.id).await?.is_some_and(|u| u.break_glass.get());
    drop(conn);
    let required = rule.requires(break_glass);
    let passkeys = crate::services::accounts::passkeys::list(&state.db, user.id).await?;
    let passkeys_possible =
        auth::origin(state, headers).and_then(|o| crate::services::accounts::passkeys::relying_party(&o)).is_some();
    Ok(SetupPage {
        error: said.error.map(|e| ctx.tr.t(e)),
        flash: said.flash.map(|e| ctx.tr.t(e)),
        ctx,
        on,
        required,
        secret,
        uri,
        recovery: said.recovery,
        totp,
        passkeys,
        passkeys_possible,
    })
}

pub async fn page(
    user: CurrentUser,
    State(state): State<AppState>,
    headers: HeaderMap,
    axum::extract::Query(q): axum::extract::Query<crate::web::register::Query_>,
) -> Result<SetupPage, AppError> {
    let flash = match q.get("msg").map(String::as_str) {
        Some("passkey-removed") => Some("passkey-removed"),
        _ => None,
    };
    setup(&state, &headers, &user, Said { flash, ..Said::default() }).await
}

pub async fn confirm(State(state): State<AppState>, headers: HeaderMap, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    let mut conn = state.db.pool.acquire().await?;
    let me = users::get(&mut conn, user.org_id, user.id).await?.ok_or(AppError::NotFound)?;
    drop(conn);
    match second_factor::confirm(&state.db, &user.actor(), &me, form.text("code")).await {
        Ok(codes) => {
            Ok(setup(&state, &headers, &user, Said { recovery: codes, ..Said::default() }).await?.into_response())
        }
        Err(crate::services::Failure::Invalid(_)) => {
            let said = Said { error: Some("second-factor-wrong-code"), ..Said::default() };
            let page = setup(&state, &headers, &user, said).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// Asks for the second factor after a right password: the page (passkeys first, when the user
/// has any), with the second step's cookie.
pub async fn ask(
    state: &AppState,
    headers: &HeaderMap,
    status: StatusCode,
    next: String,
    (org, username): (i64, &str),
    error: Option<&str>,
) -> Result<Response, AppError> {
    let tr = Tr::new(state.catalog.clone(), auth::lang_from_headers(headers));
    let csrf = auth::prelogin_token(state);
    let step = auth::second_step_token(state, org, username);
    let (totp, passkey) = match users::by_username(&state.db.pool, org, username).await? {
        Some(u) => (
            second_factor::totp_on(&state.db, u.id).await?,
            crate::services::accounts::passkeys::any(&state.db, u.id).await?,
        ),
        None => (false, false),
    };
    let page = CodePage { error: error.map(|e| tr.t(e)), tr, csrf: csrf.clone(), next, totp, passkey };
    let mut resp = (status, page).into_response();
    for c in [
        auth::set_cookie(state, headers, PRELOGIN_COOKIE, &csrf, auth::PRELOGIN_SECS),
        auth::set_cookie(state, headers, STEP_COOKIE, &step, 300),
    ] {
        if let Ok(v) = c.parse() {
            resp.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    Ok(resp)
}

/// The second step of a local login.
pub async fn submit(State(state): State<AppState>, posted: PreLoginForm) -> Result<Response, AppError> {
    let PreLoginForm { form, headers, client } = posted;
    let next = super::login::safe_next(form.get("next"));
    let Some((org, username)) = auth::cookie(&headers, STEP_COOKIE).and_then(|t| auth::second_step_user(&state, t))
    else {
        return Ok(Redirect::to("/login").into_response());
    };
    let rp = auth::origin(&state, &headers).and_then(|o| crate::services::accounts::passkeys::relying_party(&o));
    let (ticket, answer) = (form.text("ticket"), form.text("credential"));
    let proof = match &rp {
        Some(rp) if !ticket.is_empty() => login::Proof::Passkey { rp, ticket, answer },
        _ => login::Proof::Code(form.text("code")),
    };
    let wrong = if ticket.is_empty() { "second-factor-wrong-code" } else { "passkey-not-verified" };
    let who = (org, username.as_str());
    match login::second_step(&state.db, &state.throttle, org, &username, proof, client).await? {
        Err(refused) => ask(&state, &headers, StatusCode::UNAUTHORIZED, next, who, Some(refused.message())).await,
        Ok(login::Outcome::In(session)) => Ok(super::login::logged_in(&state, &headers, &next, &session)),
        Ok(login::Outcome::Refused { why: login::Why::Failed, .. }) => {
            ask(&state, &headers, StatusCode::UNAUTHORIZED, next, who, Some(wrong)).await
        }
        Ok(login::Outcome::Refused { why, username }) => {
            let (status, message) = super::login::refusal(why);
            super::login::page_with(&state, &headers, status, (next, None), username, Some(message)).await
        }
        Ok(login::Outcome::SecondStep { .. }) => Ok(Redirect::to("/login").into_response()),
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
