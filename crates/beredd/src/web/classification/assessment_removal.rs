//! Removing a system's whole self-assessment with its evidence files: on purpose, from its own
//! page, never as a side effect of deleting the system (security review F10; the rules are in
//! `services::classification::removal`).

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};

use crate::services::classification::removal::{Removed, remove as remove_all};
use crate::web::AppState;
use crate::web::auth::Posted;
use crate::web::error::AppError;
use crate::web::register::parse_id;

pub async fn remove(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, .. } = posted;
    user.require(user.role.edits_all_content())?;
    let id = parse_id(&id)?;
    let to = match remove_all(&state.db, &user.actor(), id).await? {
        Removed::NoSystem => return Err(AppError::NotFound),
        Removed::Nothing => format!("/systems/{id}/assessment"),
        Removed::Removed => format!("/systems/{id}/assessment?msg=deleted"),
    };
    Ok(Redirect::to(&to).into_response())
}
