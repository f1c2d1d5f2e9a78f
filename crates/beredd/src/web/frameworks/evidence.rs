//! Evidence files attached to a framework answer: upload, sandboxed download, delete.

use super::answers::answer_page;
use super::*;

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
    let mut tx = state.db.begin_write().await?;
    let file = crate::store::evidence::NewFile {
        file_name: &accepted.file_name,
        content_type: accepted.content_type,
        content: &bytes,
    };
    let fid =
        crate::store::evidence::insert_framework_file(&mut *tx, user.org_id, a.id, &node.id, &file, &user.display_name)
            .await?;
    let stored = crate::store::evidence::framework_file(&mut *tx, user.org_id, fid).await?;
    let summary_text = format!("{} · {} – {}", a.title, node.reference, accepted.file_name);
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "upload",
            entity: "framework-evidence",
            entity_id: Some(fid),
            summary: &summary_text,
            before: None,
            after: stored.as_ref(),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/assessments/{}/requirements/{}?msg=uploaded", a.id, node.id)).into_response())
}

pub async fn download_evidence(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let id = parse_id(&id)?;
    let meta =
        crate::store::evidence::framework_file(&state.db.pool, user.org_id, id).await?.ok_or(AppError::NotFound)?;
    let bytes =
        crate::store::evidence::framework_content(&state.db.pool, user.org_id, id).await?.ok_or(AppError::NotFound)?;
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
    let mut tx = state.db.begin_write().await?;
    let before = crate::store::evidence::framework_file(&mut *tx, user.org_id, id).await?.ok_or(AppError::NotFound)?;
    crate::store::evidence::delete_framework_file(&mut *tx, user.org_id, id).await?;
    let summary_text = format!("{} – {}", before.node_id, before.file_name);
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "delete",
            entity: "framework-evidence",
            entity_id: Some(id),
            summary: &summary_text,
            before: Some(&before),
            after: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/assessments/{}/requirements/{}?msg=deleted", before.assessment_id, before.node_id))
        .into_response())
}
