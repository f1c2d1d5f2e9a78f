//! The JSON API under `/api/v1` (issue 21), for the systems a municipality connects: a bearer
//! token an administrator made (`services::accounts::api_tokens`) names the organisation, whether
//! it may write, and the areas it reaches. Errors are JSON with the same messages as the forms,
//! in Swedish unless the caller asks for English (`Accept-Language: en`). The OpenAPI document is
//! generated from these handlers (`openapi.rs`).

pub mod import;
pub mod openapi;
pub mod tokens;
pub mod v1;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::platform::i18n::{Lang, Tr};
use crate::services::accounts::api_tokens::{self, Area, Caller};
use crate::services::{Failure, Invalid};
use crate::web::AppState;

/// A refused or failed call, as JSON: the message, and the fields at fault with theirs.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ApiError {
    #[serde(skip)]
    pub status: u16,
    /// What went wrong, in Swedish (or English when asked for).
    pub error: String,
    /// Each field at fault and why, in the order found.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldMessage>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct FieldMessage {
    pub field: String,
    pub message: String,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut r = (status, axum::Json(&self)).into_response();
        if status == StatusCode::UNAUTHORIZED {
            r.headers_mut().insert(header::WWW_AUTHENTICATE, header::HeaderValue::from_static("Bearer"));
        }
        r
    }
}

/// The caller of an API route, with the language its messages are in.
pub struct Api {
    pub caller: Caller,
    pub tr: Tr,
}

fn lang_of(parts: &Parts) -> Lang {
    let asked = parts.headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or("");
    if asked.trim_start().to_ascii_lowercase().starts_with("en") { Lang::En } else { Lang::Sv }
}

impl FromRequestParts<AppState> for Api {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let tr = Tr::new(state.catalog.clone(), lang_of(parts));
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .unwrap_or("");
        match api_tokens::authenticate(&state.db.pool, token).await {
            Ok(Some(caller)) => {
                crate::web::metrics::seen(&parts.extensions, caller.org_id);
                Ok(Api { caller, tr })
            }
            Ok(None) => Err(refusal(&tr, 401, "api-error-token")),
            Err(e) => Err(failure(&tr, e)),
        }
    }
}

pub fn refusal(tr: &Tr, status: u16, message: &str) -> ApiError {
    ApiError { status, error: tr.t(message), fields: Vec::new() }
}

/// A use case's failure as the API says it.
pub fn failure(tr: &Tr, f: Failure) -> ApiError {
    match f {
        Failure::Invalid(found) => invalid(tr, found),
        Failure::NotFound => refusal(tr, 404, "api-error-not-found"),
        Failure::Busy(m) => refusal(tr, 503, m),
        Failure::Internal(e) => {
            tracing::error!(error = %e, "API call failed");
            refusal(tr, 500, "api-error-internal")
        }
        Failure::Db(e) => {
            tracing::error!(error = %e, "API call failed");
            refusal(tr, 500, "api-error-internal")
        }
    }
}

pub fn invalid(tr: &Tr, found: Invalid) -> ApiError {
    let fields = found
        .0
        .iter()
        .map(|(field, e)| FieldMessage { field: field.clone(), message: crate::web::forms::error_text(e, tr) })
        .collect();
    ApiError { status: 422, error: tr.t("api-error-invalid"), fields }
}

impl Api {
    /// Refuses a caller whose token does not reach `area`, or may not write when `write`.
    pub fn require(&self, area: Area, write: bool) -> Result<(), ApiError> {
        if !self.caller.reaches(area) {
            return Err(refusal(&self.tr, 403, "api-error-area"));
        }
        if write && !self.caller.may_write {
            return Err(refusal(&self.tr, 403, "api-error-read-only"));
        }
        Ok(())
    }

    pub fn fail(&self, f: impl Into<Failure>) -> ApiError {
        failure(&self.tr, f.into())
    }
}
