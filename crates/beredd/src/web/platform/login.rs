//! The platform administrator's login and logout (`services::accounts::platform`).

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

use super::{PlatformPosted, platform_cookie};
use crate::platform::i18n::Tr;
use crate::services::accounts::platform;
use crate::store::sessions;
use crate::web::AppState;
use crate::web::auth::{self, PRELOGIN_COOKIE, PreLoginForm};
use crate::web::error::AppError;
use crate::web::register::Query_;

#[derive(Template, WebTemplate)]
#[template(path = "platform/login.html")]
pub struct LoginPage {
    pub tr: Tr,
    pub csrf: String,
    pub next: String,
    pub username: String,
    pub error: Option<String>,
}

/// Only the platform's own pages are followed after its login.
pub(super) fn platform_next(next: Option<&str>) -> String {
    let next = crate::web::accounts::login::safe_next(next);
    if next == "/platform" || next.starts_with("/platform/") || next.starts_with("/platform?") {
        next
    } else {
        "/platform".to_owned()
    }
}

pub(super) async fn page(
    state: &AppState,
    headers: &HeaderMap,
    status: StatusCode,
    (next, username): (String, String),
    error: Option<&str>,
) -> Response {
    let tr = Tr::new(state.catalog.clone(), auth::lang_from_headers(headers));
    let csrf = auth::prelogin_token(state);
    let cookie = auth::set_cookie(state, headers, PRELOGIN_COOKIE, &csrf, auth::PRELOGIN_SECS);
    let page = LoginPage { error: error.map(|e| tr.t(e)), tr, csrf, next, username };
    (status, [(header::SET_COOKIE, cookie)], page).into_response()
}

pub async fn form(State(state): State<AppState>, headers: HeaderMap, Query(q): Query<Query_>) -> Response {
    let next = platform_next(q.get("next").map(String::as_str));
    page(&state, &headers, StatusCode::OK, (next, String::new()), None).await
}

/// Logs in through the same throttle as an organisation's users, or shows the form again.
pub async fn submit(State(state): State<AppState>, posted: PreLoginForm) -> Result<Response, AppError> {
    let PreLoginForm { form, headers, client } = posted;
    let next = platform_next(form.get("next"));
    let attempt =
        platform::Attempt { username: form.text("username"), password: form.text("password").to_owned(), client };
    match platform::log_in(&state.db, &state.throttle, &state.hashing, attempt).await? {
        platform::Outcome::In { token } => Ok(logged_in(&state, &headers, &next, &token)),
        platform::Outcome::SecondStep { username } => {
            Ok(super::second_factor::ask(&state, &headers, StatusCode::OK, next, &username))
        }
        platform::Outcome::Refused { username, why } => {
            let (status, message) = crate::web::accounts::login::refusal(why);
            Ok(page(&state, &headers, status, (next, username), Some(message)).await)
        }
    }
}

/// Goes on to `next` with the platform session's cookie, the login form's cookie gone.
pub(super) fn logged_in(state: &AppState, headers: &HeaderMap, next: &str, token: &str) -> Response {
    let mut resp = Redirect::to(next).into_response();
    let cookies = [
        platform_cookie(state, headers, token, sessions::LIFETIME_SECS),
        auth::set_cookie(state, headers, PRELOGIN_COOKIE, "", 0),
    ];
    for c in cookies {
        if let Ok(v) = c.parse() {
            resp.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    resp
}

pub async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
    posted: PlatformPosted,
) -> Result<Response, AppError> {
    platform::log_out(&state.db, posted.user.session_id, &posted.user.username).await?;
    let mut resp = Redirect::to("/platform/login").into_response();
    if let Ok(v) = platform_cookie(&state, &headers, "", 0).parse() {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(resp)
}
