//! The platform administrator's second factor: set up on `/platform/second-factor` (the secret
//! as text and as the address an authenticator app reads, confirmed by a first code), then asked
//! for at the platform's login after the password (`services::accounts::platform`).

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

use super::{PlatformPosted, PlatformUser, cookie_under_platform};
use crate::platform::i18n::Tr;
use crate::platform::totp;
use crate::services::accounts::platform;
use crate::web::AppState;
use crate::web::auth::{self, PRELOGIN_COOKIE, PreLoginForm};
use crate::web::error::AppError;

/// The cookie that carries the platform login's second step (the password was right).
pub const STEP_COOKIE: &str = "beredd_platform_step";

#[derive(Template, WebTemplate)]
#[template(path = "platform/second_factor.html")]
pub struct SetupPage {
    pub tr: Tr,
    pub csrf: String,
    pub username: String,
    pub on: bool,
    pub secret: String,
    pub uri: String,
    pub error: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "platform/login_code.html")]
pub struct CodePage {
    pub tr: Tr,
    pub csrf: String,
    pub next: String,
    pub error: Option<String>,
}

async fn setup(state: &AppState, user: &PlatformUser, error: Option<&str>) -> Result<SetupPage, AppError> {
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let on = platform::second_factor_on(&state.db, user.admin_id).await?;
    let secret = if on { String::new() } else { platform::begin_second_factor(&state.db, user.admin_id).await? };
    let uri = if on { String::new() } else { totp::uri(&secret, &format!("plattform/{}", user.username)) };
    Ok(SetupPage {
        error: error.map(|e| tr.t(e)),
        tr,
        csrf: user.csrf.clone(),
        username: user.username.clone(),
        on,
        secret,
        uri,
    })
}

pub async fn page(State(state): State<AppState>, user: PlatformUser) -> Result<SetupPage, AppError> {
    setup(&state, &user, None).await
}

/// Turns the second factor on with a first code from the app.
pub async fn confirm(State(state): State<AppState>, posted: PlatformPosted) -> Result<Response, AppError> {
    let PlatformPosted { user, form, .. } = posted;
    match platform::confirm_second_factor(&state.db, user.admin_id, &user.username, form.text("code")).await {
        Ok(()) => Ok(Redirect::to("/platform?done=second-factor").into_response()),
        Err(crate::services::Failure::Invalid(_)) => {
            let page = setup(&state, &user, Some("second-factor-wrong-code")).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// Asks for the code after a right password: the page, with the second step's cookie.
pub fn ask(state: &AppState, headers: &HeaderMap, status: StatusCode, next: String, username: &str) -> Response {
    let tr = Tr::new(state.catalog.clone(), auth::lang_from_headers(headers));
    let csrf = auth::prelogin_token(state);
    let step = auth::platform_step_token(state, username);
    let error = (status != StatusCode::OK).then(|| tr.t("second-factor-wrong-code"));
    let mut resp = (status, CodePage { error, tr, csrf: csrf.clone(), next }).into_response();
    for c in [
        auth::set_cookie(state, headers, PRELOGIN_COOKIE, &csrf, auth::PRELOGIN_SECS),
        cookie_under_platform(state, headers, STEP_COOKIE, &step, 300),
    ] {
        if let Ok(v) = c.parse() {
            resp.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    resp
}

/// The second step of the platform's login.
pub async fn submit(State(state): State<AppState>, posted: PreLoginForm) -> Result<Response, AppError> {
    let PreLoginForm { form, headers, client } = posted;
    let next = super::login::platform_next(form.get("next"));
    let Some(username) = auth::cookie(&headers, STEP_COOKIE).and_then(|t| auth::platform_step_user(&state, t)) else {
        return Ok(Redirect::to("/platform/login").into_response());
    };
    match platform::second_step(&state.db, &state.throttle, &username, form.text("code"), client).await? {
        platform::Outcome::In { token } => {
            let mut resp = super::login::logged_in(&state, &headers, &next, &token);
            if let Ok(v) = cookie_under_platform(&state, &headers, STEP_COOKIE, "", 0).parse() {
                resp.headers_mut().append(header::SET_COOKIE, v);
            }
            Ok(resp)
        }
        platform::Outcome::Refused { why: crate::services::accounts::login::Why::Failed, .. } => {
            Ok(ask(&state, &headers, StatusCode::UNAUTHORIZED, next, &username))
        }
        platform::Outcome::Refused { username, why } => {
            let (status, message) = crate::web::accounts::login::refusal(why);
            Ok(super::login::page(&state, &headers, status, (next, username), Some(message)).await)
        }
        platform::Outcome::SecondStep { .. } => Ok(Redirect::to("/platform/login").into_response()),
    }
}
