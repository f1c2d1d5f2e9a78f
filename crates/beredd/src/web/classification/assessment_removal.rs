//! Removing a system's whole self-assessment with its evidence files: on purpose, from its own
//! page, never as a side effect of deleting the system (security review F10). The audit trail
//! keeps every answer and each file's name, size and SHA-256, though not the files themselves.

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};

use crate::store::{assessments, audit, evidence, systems};
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
    let mut tx = state.db.begin_write().await?;
    let system = systems::get(&mut tx, user.org_id, id).await?.ok_or(AppError::NotFound)?;
    let answers = assessments::for_system(&mut *tx, user.org_id, id).await?;
    let files = evidence::for_system(&mut *tx, user.org_id, id).await?;
    if answers.is_empty() && files.is_empty() {
        return Ok(Redirect::to(&format!("/systems/{id}/assessment")).into_response());
    }
    evidence::delete_for_system(&mut *tx, user.org_id, id).await?;
    assessments::delete_for_system(&mut *tx, user.org_id, id).await?;
    let before = serde_json::json!({ "system": system.name, "assessments": answers, "evidence": files });
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "delete",
            entity: "self-assessment",
            entity_id: Some(id),
            summary: &system.name,
            before: Some(&before),
            after: None::<&serde_json::Value>,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/systems/{id}/assessment?msg=deleted")).into_response())
}
