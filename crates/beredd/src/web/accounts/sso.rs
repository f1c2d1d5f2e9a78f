//! Logging in through the organisation's identity provider: out to it, and back.

use askama::Template;
use askama_web::WebTemplate;
use axum::Extension;
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

use crate::platform::i18n::Tr;
use crate::services::accounts::sso::flow;
use crate::services::hosting;
use crate::store::sessions;
use crate::web::AppState;
use crate::web::auth::{self, SESSION_COOKIE};
use crate::web::error::AppError;
use crate::web::register::Query_;

/// The cookie that holds a login's state while the user is at the provider. `SameSite=Lax`, not
/// `Strict`: the provider's redirect back is a navigation from another site.
pub const STATE_COOKIE: &str = "beredd_sso";

/// After the provider: a page of our own that goes on to where the user was going. The session
/// cookie is `SameSite=Strict`, and a browser does not send it on a redirect that began at the
/// provider's site; from this page it does.
#[derive(Template, WebTemplate)]
#[template(path = "accounts/sso_done.html")]
pub struct DonePage {
    pub tr: Tr,
    pub next: String,
}

/// The organisation the login is for: the one `?org=` names, the one of the host name, or the only
/// one (`services::hosting::for_login`).
async fn org(state: &AppState, headers: &HeaderMap, q: &Query_) -> Result<i64, AppError> {
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    match hosting::for_login(&state.db, q.get("org").map(String::as_str), host).await? {
        hosting::LoginOrg::Known(o) => Ok(o.id),
        hosting::LoginOrg::Ask(_) => Err(AppError::NotFound),
    }
}

/// The login page again, with why the provider did not let the user in.
async fn refused(state: &AppState, headers: &HeaderMap, r: flow::Refusal) -> Result<Response, AppError> {
    let status = match r {
        flow::Refusal::Unreachable => StatusCode::BAD_GATEWAY,
        flow::Refusal::BadState | flow::Refusal::Token => StatusCode::BAD_REQUEST,
        _ => StatusCode::FORBIDDEN,
    };
    super::login::page_with(state, headers, status, ("/".into(), None), String::new(), Some(r.message_id())).await
}

/// Sends the user to the provider. A session whose check is due is ended here, and the user it
/// belonged to is the one the provider must confirm.
pub async fn begin(
    State(state): State<AppState>,
    peer: Option<Extension<ConnectInfo<std::net::SocketAddr>>>,
    headers: HeaderMap,
    Query(q): Query<Query_>,
) -> Result<Response, AppError> {
    let client = state.client(peer.map(|Extension(ConnectInfo(p))| p), &headers);
    if state.sso_throttle.admit("single sign-on", client).is_err() {
        return Err(AppError::Throttled);
    }
    let next = super::login::safe_next(q.get("next").map(String::as_str));
    let mut recheck = None;
    if let Some(token) = auth::cookie(&headers, SESSION_COOKIE)
        && let Some(s) = sessions::lookup(&state.db.pool, token).await?
    {
        if s.sso_checked_at.is_some() {
            recheck = Some(s.user_id);
        }
        sessions::delete(&state.db.pool, s.session_id).await?;
    }
    let org = org(&state, &headers, &q).await?;
    match flow::begin(&state.db, &state.sso_http, org, &next, recheck).await? {
        Ok(to) => {
            let mut resp = Redirect::to(&to.url).into_response();
            let cookie = auth::set_lax_cookie(&state, &headers, STATE_COOKIE, &to.state, 900, "/login/sso");
            if let Ok(v) = cookie.parse() {
                resp.headers_mut().append(header::SET_COOKIE, v);
            }
            Ok(resp)
        }
        Err(r) => refused(&state, &headers, r).await,
    }
}

/// The provider's answer: the code exchanged and the ID token checked, then the session.
pub async fn callback(
    State(state): State<AppState>,
    peer: Option<Extension<ConnectInfo<std::net::SocketAddr>>>,
    headers: HeaderMap,
    Query(q): Query<Query_>,
) -> Result<Response, AppError> {
    let get = |k: &str| q.get(k).map(String::as_str);
    let cb = flow::Callback {
        state: get("state").unwrap_or_default(),
        kept_state: auth::cookie(&headers, STATE_COOKIE).unwrap_or_default(),
        code: get("code"),
        error: get("error"),
    };
    let done = match flow::finish(&state.db, &state.sso_http, cb).await? {
        Ok(done) => done,
        Err(r) => return refused(&state, &headers, r).await,
    };
    state.sso_throttle.give_back_to(state.client(peer.map(|Extension(ConnectInfo(p))| p), &headers));
    let tr = Tr::new(state.catalog.clone(), crate::platform::i18n::Lang::parse(&done.session.lang));
    let mut resp = DonePage { tr, next: done.next }.into_response();
    let cookies = [
        auth::set_cookie(&state, &headers, SESSION_COOKIE, &done.session.token, sessions::LIFETIME_SECS),
        auth::set_lax_cookie(&state, &headers, STATE_COOKIE, "", 0, "/login/sso"),
    ];
    for c in cookies {
        if let Ok(v) = c.parse() {
            resp.headers_mut().append(header::SET_COOKIE, v);
        }
    }
    Ok(resp)
}
