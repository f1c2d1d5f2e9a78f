//! Evidence files attached to a framework answer: upload, sandboxed download, delete.

use super::answers::answer_page;
use super::*;
use crate::services::frameworks::evidence as service;

/// Uploads an evidence file for an answer; a refused file is explained on the answer's page.
pub async fn upload_evidence(
    user: CurrentUser,
    State(state): State<AppState>,
    Path((id, node_id)): Path<(String, String)>,
    mut multipart: axum::extract::Multipart,
) -> Result<Response, AppError> {
    user.require(user.role.edits_all_content())?;
    let (a, fw) = load(&state, &user, &id).await?;
    let node = fw.node(&node_id).filter(|n| n.assessable).ok_or(AppError::NotFound)?.clone();
    let checked = crate::web::classification::evidence::read(&mut multipart, &user.csrf)
        .await?
        .and_then(|(name, bytes)| beredd_domain::upload::accept(&name, &bytes).map(|ok| (ok, bytes)));
    let (accepted, bytes) = match checked {
        Ok(ok) => ok,
        Err(e) => {
            let tr = Tr::new(state.catalog.clone(), user.lang);
            let mut page = answer_page(&state, &user, a, &fw, &node.id, None, &Errors::default()).await?;
            page.upload_error = Some(crate::web::forms::error_text(&e, &tr));
            page.ctx.title_prefix = Some(tr.t("error-prefix"));
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    service::add(&state.db, &user.actor(), &user.display_name, (&a, &node), &accepted, &bytes).await?;
    Ok(Redirect::to(&format!("/assessments/{}/requirements/{}?msg=uploaded", a.id, node.id)).into_response())
}

pub async fn download_evidence(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let (meta, bytes) = service::file(&state.db.pool, user.org_id, id).await?.ok_or(AppError::NotFound)?;
    Ok(crate::web::classification::evidence::file_response(&meta.file_name, &meta.content_type, bytes))
}

pub async fn delete_evidence(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, .. } = posted;
    user.require(user.role.edits_all_content())?;
    let id = parse_id(&id)?;
    let before = service::delete(&state.db, &user.actor(), id).await?.ok_or(AppError::NotFound)?;
    Ok(Redirect::to(&format!("/assessments/{}/requirements/{}?msg=deleted", before.assessment_id, before.node_id))
        .into_response())
}
