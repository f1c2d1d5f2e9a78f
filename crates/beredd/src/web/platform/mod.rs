//! The platform administrator's pages (hosted mode, issue 22): `/platform/login` and
//! `/platform`. Its session is its own (`store::platform_admins`), carried in a cookie of its own
//! that the browser sends only to `/platform`: it is never looked for by an organisation's pages
//! or the API, and an organisation user's session is never looked for here.

pub mod login;
pub mod orgs;
pub mod second_factor;

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;

use super::AppState;
use super::auth::{cookie, same_secret};
use super::error::AppError;
use super::forms::FormData;
use crate::platform::i18n::{Lang, Tr};
use crate::store::platform_admins;

/// The platform session's cookie.
pub const PLATFORM_COOKIE: &str = "beredd_platform";

/// The platform administrator of this request.
#[derive(Debug, Clone)]
pub struct PlatformUser {
    pub session_id: i64,
    pub admin_id: i64,
    pub username: String,
    pub csrf: String,
    pub lang: Lang,
}

impl FromRequestParts<AppState> for PlatformUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let next = parts.uri.path_and_query().map(|p| p.as_str().to_owned()).unwrap_or_else(|| "/platform".into());
        let login = || AppError::PlatformLoginRequired {
            next: if parts.method == axum::http::Method::GET { next.clone() } else { "/platform".into() },
        };
        let Some(token) = cookie(&parts.headers, PLATFORM_COOKIE) else { return Err(login()) };
        let Some(s) = platform_admins::lookup(&state.db.pool, token).await? else { return Err(login()) };
        platform_admins::touch(&state.db.pool, &s).await?;
        let lang = super::auth::lang_from_headers(&parts.headers);
        Ok(PlatformUser {
            session_id: s.session_id,
            admin_id: s.admin_id,
            username: s.username,
            csrf: s.csrf_token,
            lang,
        })
    }
}

/// A form posted by the platform administrator, its CSRF token matching the session's.
pub struct PlatformPosted {
    pub user: PlatformUser,
    pub form: FormData,
    pub tr: Tr,
}

const MAX_FORM_BYTES: usize = 64 * 1024;

impl FromRequest<AppState> for PlatformPosted {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = req.into_parts();
        let user = PlatformUser::from_request_parts(&mut parts, state).await?;
        let bytes =
            axum::body::to_bytes(body, MAX_FORM_BYTES).await.map_err(|_| AppError::BadRequest("form too large"))?;
        let form = FormData::parse(&bytes);
        if !same_secret(form.get("_csrf").unwrap_or_default(), &user.csrf) {
            return Err(AppError::Csrf);
        }
        let tr = Tr::new(state.catalog.clone(), user.lang);
        Ok(PlatformPosted { user, form, tr })
    }
}

/// The platform cookie, sent by the browser only to `/platform` and what is below it.
pub fn platform_cookie(state: &AppState, headers: &axum::http::HeaderMap, value: &str, max_age: i64) -> String {
    cookie_under_platform(state, headers, PLATFORM_COOKIE, value, max_age)
}

/// A cookie `name` the browser sends only to `/platform` and what is below it.
pub fn cookie_under_platform(
    state: &AppState,
    headers: &axum::http::HeaderMap,
    name: &str,
    value: &str,
    max_age: i64,
) -> String {
    super::auth::set_cookie(state, headers, name, value, max_age).replacen("Path=/;", "Path=/platform;", 1)
}
