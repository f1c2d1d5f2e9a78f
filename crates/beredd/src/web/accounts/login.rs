//! Logging in and out.

use askama::Template;
use askama_web::WebTemplate;
use axum::Extension;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

use crate::platform::i18n::{Lang, Tr};
use crate::platform::throttle::Refusal;
use crate::store::{audit, sessions, users};
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
}

/// Only local paths are followed after login, never another site.
fn safe_next(next: Option<&str>) -> String {
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

fn login_page(
    state: &AppState,
    headers: &HeaderMap,
    status: StatusCode,
    next: String,
    username: String,
    error: Option<&str>,
) -> Response {
    let tr = Tr::new(state.catalog.clone(), auth::lang_from_headers(headers));
    let csrf = auth::prelogin_token(state);
    let cookie = auth::set_cookie(state, headers, PRELOGIN_COOKIE, &csrf, auth::PRELOGIN_SECS);
    let page = LoginPage { error: error.map(|e| tr.t(e)), tr, csrf, next, username };
    (status, [(header::SET_COOKIE, cookie)], page).into_response()
}

pub async fn form(State(state): State<AppState>, headers: HeaderMap, Query(q): Query<Query_>) -> Response {
    login_page(&state, &headers, StatusCode::OK, safe_next(q.get("next").map(String::as_str)), String::new(), None)
}

/// Logs in. Before any password is hashed the attempt must pass the throttle: the address's
/// budget of attempts, and no lock on this name from this address (security review F3). The
/// hashing itself waits in a bounded queue; when that is full the page says to try again shortly.
pub async fn submit(
    State(state): State<AppState>,
    peer: Option<Extension<ConnectInfo<std::net::SocketAddr>>>,
    posted: PreLoginForm,
) -> Result<Response, AppError> {
    let PreLoginForm { form, headers } = posted;
    let client = state.client(peer.map(|Extension(ConnectInfo(p))| p), &headers);
    let next = safe_next(form.get("next"));
    let password = form.text("password").to_owned();
    // A name that cannot exist is refused at once: no hashing, and nothing kept in the throttle.
    let Ok(username) = beredd_domain::text::username(form.text("username")) else {
        let typed: String = form.text("username").chars().take(64).collect();
        return Ok(login_page(&state, &headers, StatusCode::UNAUTHORIZED, next, typed, Some("login-failed")));
    };
    if password.len() > 1024 {
        return Ok(login_page(&state, &headers, StatusCode::UNAUTHORIZED, next, username, Some("login-failed")));
    }
    let attempt = match state.throttle.admit(&username, client) {
        Ok(attempt) => attempt,
        Err(refusal) => {
            let (status, message) = match refusal {
                Refusal::Address => (StatusCode::TOO_MANY_REQUESTS, "login-address-throttled"),
                Refusal::Locked => (StatusCode::TOO_MANY_REQUESTS, "login-throttled"),
                Refusal::Full => (StatusCode::SERVICE_UNAVAILABLE, "login-busy"),
            };
            tracing::info!(username, %client, ?refusal, "login refused before checking the password");
            return Ok(login_page(&state, &headers, status, next, username, Some(message)));
        }
    };
    let user = users::by_username(&state.db.pool, &username).await?.filter(|u| u.active.get());
    // Verify against a real hash of nothing when the user does not exist, so timing does not tell.
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let hash = match &user {
        Some(u) => u.password_hash.clone(),
        None => DUMMY.get_or_init(|| auth::hash_password("no such user, no such password").unwrap_or_default()).clone(),
    };
    let ok = match auth::verify_password_blocking(&state, password, hash).await {
        Ok(ok) => ok && user.is_some(),
        Err(AppError::Busy(_)) => {
            attempt.not_tried();
            tracing::warn!(%client, "login refused: too many passwords being checked");
            return Ok(login_page(
                &state,
                &headers,
                StatusCode::SERVICE_UNAVAILABLE,
                next,
                username,
                Some("login-busy"),
            ));
        }
        Err(e) => return Err(e),
    };
    let Some(user) = user.filter(|_| ok) else {
        attempt.failed();
        tracing::info!(username, %client, "failed login");
        return Ok(login_page(&state, &headers, StatusCode::UNAUTHORIZED, next, username, Some("login-failed")));
    };
    attempt.succeeded();
    let (token, _csrf) = sessions::create(&state.db.pool, user.id).await?;
    let actor = audit::Actor { org_id: user.org_id, user_id: Some(user.id), username: user.username.clone() };
    let change: audit::Change<'_, ()> =
        audit::Change { action: "login", entity: "session", entity_id: None, summary: "", before: None, after: None };
    audit::record(&state.db.pool, &actor, change).await?;
    sessions::purge_expired(&state.db.pool).await?;
    let mut resp = Redirect::to(&next).into_response();
    let h = resp.headers_mut();
    let cookies = [
        auth::set_cookie(&state, &headers, SESSION_COOKIE, &token, sessions::LIFETIME_SECS),
        auth::set_cookie(&state, &headers, PRELOGIN_COOKIE, "", 0),
        auth::set_cookie(&state, &headers, LANG_COOKIE, Lang::parse(&user.lang).code(), 365 * 86400),
    ];
    for c in cookies {
        if let Ok(v) = c.parse() {
            h.append(header::SET_COOKIE, v);
        }
    }
    Ok(resp)
}

pub async fn logout(State(state): State<AppState>, headers: HeaderMap, posted: Posted) -> Result<Response, AppError> {
    let user: CurrentUser = posted.user;
    sessions::delete(&state.db.pool, user.session_id).await?;
    let change: audit::Change<'_, ()> =
        audit::Change { action: "logout", entity: "session", entity_id: None, summary: "", before: None, after: None };
    audit::record(&state.db.pool, &user.actor(), change).await?;
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
