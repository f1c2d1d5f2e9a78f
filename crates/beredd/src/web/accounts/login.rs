//! Logging in and out.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

use crate::platform::i18n::{Lang, Tr};
use crate::services::accounts::login;
use crate::services::hosting;
use crate::store::{sessions, sso};
use crate::web::AppState;
use crate::web::auth::{self, CurrentUser, LANG_COOKIE, PRELOGIN_COOKIE, Posted, PreLoginForm, SESSION_COOKIE};
use crate::web::error::AppError;
use crate::web::register::Query_;

#[derive(Template, WebTemplate)]
#[template(path = "accounts/login.html")]
pub struct LoginPage {
    pub tr: Tr,
    pub csrf: String,
    pub next: String,
    pub username: String,
    pub error: Option<String>,
    /// The organisation logs in through its identity provider: the page offers it first.
    pub sso: bool,
    /// The short name of the organisation the login is for, when known (a hidden field).
    pub org: String,
    /// When several organisations share the installation and the address did not say which:
    /// the choice (short name, name).
    pub orgs: Vec<(String, String)>,
}

impl LoginPage {
    /// The provider's button's address, going on to `next` afterwards.
    pub fn sso_href(&self) -> String {
        let enc = |s: &str| form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
        format!("/login/sso?org={}&next={}", enc(&self.org), enc(&self.next))
    }
}

/// The host a request came to, as the browser sent it.
fn host(headers: &HeaderMap) -> Option<&str> {
    headers.get(header::HOST).and_then(|h| h.to_str().ok())
}

/// Only local paths are followed after login, never another site.
pub(crate) fn safe_next(next: Option<&str>) -> String {
    match next {
        // Browsers drop tabs and newlines from a Location header, so "/\t/x" would become "//x":
        // only visible ASCII is accepted.
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && !n.contains('\\')
                && n.bytes().all(|b| b.is_ascii_graphic()) =>
        {
            n.to_owned()
        }
        _ => "/".to_owned(),
    }
}

/// The login page, with the provider's button when the organisation has one.
pub(crate) async fn page_with(
    state: &AppState,
    headers: &HeaderMap,
    status: StatusCode,
    (next, slug): (String, Option<&str>),
    username: String,
    error: Option<&str>,
) -> Result<Response, AppError> {
    let tr = Tr::new(state.catalog.clone(), auth::lang_from_headers(headers));
    let csrf = auth::prelogin_token(state);
    let cookie = auth::set_cookie(state, headers, PRELOGIN_COOKIE, &csrf, auth::PRELOGIN_SECS);
    let (org, orgs, sso) = match hosting::for_login(&state.db, slug, host(headers)).await? {
        hosting::LoginOrg::Known(o) => (o.slug, Vec::new(), sso::get(&state.db.pool, o.id).await?.is_some()),
        hosting::LoginOrg::Ask(choice) => (String::new(), choice, false),
    };
    let page = LoginPage { error: error.map(|e| tr.t(e)), tr, csrf, next, username, sso, org, orgs };
    Ok((status, [(header::SET_COOKIE, cookie)], page).into_response())
}

pub async fn form(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<Query_>,
) -> Result<Response, AppError> {
    let to = (safe_next(q.get("next").map(String::as_str)), q.get("org").map(String::as_str));
    page_with(&state, &headers, StatusCode::OK, to, String::new(), None).await
}

/// An organisation's own address, `/o/<slug>`: its login page (or its start page for someone
/// of it already logged in, which the login page's own check sends on).
pub async fn organisation(Path(slug): Path<String>) -> Response {
    let slug: String = form_urlencoded::byte_serialize(slug.as_bytes()).collect();
    Redirect::to(&format!("/login?org={slug}")).into_response()
}

/// Where a refused login leaves the user: the status and the message.
pub(crate) fn refusal(why: login::Why) -> (StatusCode, &'static str) {
    match why {
        login::Why::Failed => (StatusCode::UNAUTHORIZED, "login-failed"),
        login::Why::AddressThrottled => (StatusCode::TOO_MANY_REQUESTS, "login-address-throttled"),
        login::Why::Locked => (StatusCode::TOO_MANY_REQUESTS, "login-throttled"),
        login::Why::Busy => (StatusCode::SERVICE_UNAVAILABLE, "login-busy"),
        login::Why::SsoOnly => (StatusCode::FORBIDDEN, "login-sso-only"),
    }
}

/// Goes on to `next` with the session's cookie and the user's language, the form's cookie gone.
pub(crate) fn logged_in(state: &AppState, headers: &HeaderMap, next: &str, session: &login::Session) -> Response {
    let mut resp = Redirect::to(next).into_response();
    let h = resp.headers_mut();
    let cookies = [
        auth::set_cookie(state, headers, SESSION_COOKIE, &session.token, sessions::LIFETIME_SECS),
        auth::set_cookie(state, headers, PRELOGIN_COOKIE, "", 0),
        auth::set_cookie(state, headers, LANG_COOKIE, Lang::parse(&session.lang).code(), 365 * 86400),
    ];
    for c in cookies {
        if let Ok(v) = c.parse() {
            h.append(header::SET_COOKIE, v);
        }
    }
    resp
}

/// Logs in (`services::accounts::login`: the throttle first, then the password in a bounded
/// queue), or shows the form again with why not.
pub async fn submit(State(state): State<AppState>, posted: PreLoginForm) -> Result<Response, AppError> {
    let PreLoginForm { form, headers, client } = posted;
    let next = safe_next(form.get("next"));
    let slug = form.get("org");
    let hosting::LoginOrg::Known(org) = hosting::for_login(&state.db, slug, host(&headers)).await? else {
        let username = form.text("username").chars().take(64).collect();
        return page_with(&state, &headers, StatusCode::BAD_REQUEST, (next, None), username, Some("login-choose-org"))
            .await;
    };
    let (username, password) = (form.text("username"), form.text("password").to_owned());
    let attempt = login::Attempt { org: org.id, username, password, client };
    match login::log_in(&state.db, &state.throttle, &state.hashing, attempt).await? {
        login::Outcome::In(session) => Ok(logged_in(&state, &headers, &next, &session)),
        login::Outcome::SecondStep { org, username } => {
            super::second_factor::ask(&state, &headers, StatusCode::OK, next, (org, &username), None).await
        }
        login::Outcome::Refused { username, why } => {
            let (status, message) = refusal(why);
            page_with(&state, &headers, status, (next, Some(&org.slug)), username, Some(message)).await
        }
    }
}

pub async fn logout(State(state): State<AppState>, headers: HeaderMap, posted: Posted) -> Result<Response, AppError> {
    let user: CurrentUser = posted.user;
    login::log_out(&state.db, &user.actor(), user.session_id).await?;
    let mut resp = Redirect::to("/login").into_response();
    if let Ok(v) = auth::set_cookie(&state, &headers, SESSION_COOKIE, "", 0).parse() {
        resp.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(resp)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed_after_login() {
        assert_eq!(safe_next(Some("/units?q=a")), "/units?q=a");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(None), "/");
        assert_eq!(safe_next(Some("/\t/evil.example")), "/");
        assert_eq!(safe_next(Some("/\n")), "/");
        assert_eq!(safe_next(Some("/ /x")), "/");
    }
}
