//! Every failure a user can meet, as one enum. A handler returns it; `render_errors` (a
//! middleware that knows the user's language) turns it into a safe page. Details go to the log
//! with a reference, never to the page.

use askama::Template;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

use super::AppState;
use crate::platform::i18n::Tr;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found")]
    NotFound,
    #[error("forbidden")]
    Forbidden,
    #[error("login required")]
    LoginRequired { next: String },
    /// A platform page without a platform administrator's session.
    #[error("platform login required")]
    PlatformLoginRequired { next: String },
    /// The organisation requires a second factor and this local account has none yet.
    #[error("a second factor must be set up first")]
    SecondFactorFirst,
    /// A single sign-on session due to be confirmed with the identity provider.
    #[error("session to be confirmed with the identity provider")]
    Recheck { next: String },
    #[error("bad CSRF token")]
    Csrf,
    #[error("bad request: {0}")]
    BadRequest(&'static str),
    #[error("too many login attempts")]
    Throttled,
    /// The server is at a limit it keeps on purpose (open live streams, typesetting); try later.
    #[error("busy: {0}")]
    Busy(&'static str),
    #[error(transparent)]
    Db(#[from] crate::platform::db::DbError),
    #[error("internal: {0}")]
    Internal(String),
}

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        AppError::Db(crate::platform::db::DbError::from(e))
    }
}

impl From<crate::platform::typeset::TypesetError> for AppError {
    fn from(e: crate::platform::typeset::TypesetError) -> Self {
        match e {
            crate::platform::typeset::TypesetError::Busy => AppError::Busy("error-busy-pdf"),
            crate::platform::typeset::TypesetError::Failed(e) => AppError::Internal(format!("typesetting: {e}")),
        }
    }
}

/// A use case's failure that the handler did not answer itself: a form it did not show again
/// is a bad request.
impl From<crate::services::Failure> for AppError {
    fn from(e: crate::services::Failure) -> Self {
        match e {
            crate::services::Failure::Invalid(_) => AppError::BadRequest("invalid input"),
            crate::services::Failure::NotFound => AppError::NotFound,
            crate::services::Failure::Busy(message) => AppError::Busy(message),
            crate::services::Failure::Internal(e) => AppError::Internal(e),
            crate::services::Failure::Db(e) => AppError::Db(e),
        }
    }
}

impl From<askama::Error> for AppError {
    fn from(e: askama::Error) -> Self {
        AppError::Internal(format!("template: {e}"))
    }
}

/// Left in the response by `AppError` for `render_errors` to fill in.
#[derive(Clone, Debug)]
struct ErrorInfo {
    title: &'static str,
    message: &'static str,
    reference: Option<String>,
}

/// To a login page (`/login`, or through the provider), going on to `next` afterwards.
fn to_login(page: &str, next: &str) -> Response {
    let target = format!("{page}?next={}", form_urlencoded::byte_serialize(next.as_bytes()).collect::<String>());
    let mut resp = Redirect::to(&target).into_response();
    // htmx follows this header with a full page load instead of swapping a login page in.
    if let Ok(v) = HeaderValue::from_str(&target) {
        resp.headers_mut().insert("hx-redirect", v);
    }
    resp
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, title, message) = match &self {
            AppError::NotFound => (StatusCode::NOT_FOUND, "error-not-found-title", "error-not-found"),
            AppError::Forbidden => (StatusCode::FORBIDDEN, "error-forbidden-title", "error-forbidden"),
            AppError::LoginRequired { next } => return to_login("/login", next),
            AppError::PlatformLoginRequired { next } => return to_login("/platform/login", next),
            AppError::Recheck { next } => return to_login("/login/sso", next),
            AppError::SecondFactorFirst => {
                let mut resp = Redirect::to("/account/second-factor").into_response();
                resp.headers_mut().insert("hx-redirect", HeaderValue::from_static("/account/second-factor"));
                return resp;
            }
            AppError::Csrf => (StatusCode::FORBIDDEN, "error-csrf-title", "error-csrf"),
            AppError::BadRequest(_) => (StatusCode::BAD_REQUEST, "error-bad-request-title", "error-bad-request"),
            AppError::Throttled => (StatusCode::TOO_MANY_REQUESTS, "error-throttled-title", "error-throttled"),
            AppError::Busy(message) => (StatusCode::SERVICE_UNAVAILABLE, "error-busy-title", *message),
            AppError::Db(_) | AppError::Internal(_) => {
                (StatusCode::INTERNAL_SERVER_ERROR, "error-internal-title", "error-internal")
            }
        };
        let reference = if matches!(self, AppError::Db(_) | AppError::Internal(_)) {
            let reference = crate::store::sessions::random_token()[..10].to_owned();
            tracing::error!(reference, error = %self, "request failed");
            Some(reference)
        } else {
            tracing::debug!(error = %self, "request refused");
            None
        };
        let mut resp = status.into_response();
        resp.extensions_mut().insert(ErrorInfo { title, message, reference });
        resp
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage {
    tr: Tr,
    title: String,
    message: String,
    reference: Option<String>,
}

/// Renders the page for any error a handler or extractor returned, in the user's language.
pub async fn render_errors(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let lang = super::auth::lang_from_headers(req.headers());
    let resp = next.run(req).await;
    let Some(info) = resp.extensions().get::<ErrorInfo>().cloned() else {
        return resp;
    };
    let tr = Tr::new(state.catalog.clone(), lang);
    let page = ErrorPage { title: tr.t(info.title), message: tr.t(info.message), reference: info.reference, tr };
    let status = resp.status();
    match page.render() {
        Ok(html) => (status, [("content-type", "text/html; charset=utf-8")], html).into_response(),
        Err(_) => status.into_response(),
    }
}

/// The 404 page for paths no route knows.
pub async fn fallback() -> AppError {
    AppError::NotFound
}
