//! Marking a person as having protected personal data (skyddade personuppgifter), or not: only
//! administrators and coordinators, each change in the audit trail. The flag has its own form so
//! that an edit of the person, by a unit manager or an import, never changes it.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};

use crate::services::organisation::protection;
use crate::web::AppState;
use crate::web::auth::Posted;
use crate::web::error::AppError;
use crate::web::register::parse_id;

pub async fn protect(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    set(state, &id, posted, true).await
}

pub async fn unprotect(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    set(state, &id, posted, false).await
}

async fn set(state: AppState, id: &str, posted: Posted, on: bool) -> Result<Response, AppError> {
    let user = posted.user;
    user.require(user.role.edits_all_content())?;
    let id = parse_id(id)?;
    protection::set_protected(&state.db, &user.actor(), id, on).await?;
    Ok(Redirect::to(&format!("/people/{id}?msg=saved")).into_response())
}
