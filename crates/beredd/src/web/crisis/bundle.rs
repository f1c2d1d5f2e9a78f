//! An incident as a bundle (JSON) to carry to another installation, and reading one in.

use super::*;

/// The incident as a bundle file for another Beredd.
pub async fn export_bundle(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let (h, _) = head(&state, &user, &id, "board").await?;
    let mut conn = state.db.pool.acquire().await?;
    let b = crate::services::crisis::bundle::export(&mut conn, user.org_id, h.i.id).await?.ok_or(AppError::NotFound)?;
    let body = serde_json::to_string_pretty(&b).map_err(|e| AppError::Internal(e.to_string()))?;
    let name = format!("incident-{}-{}.json", text::file_stem(&h.i.title), &crate::platform::clock::today_text());
    Ok((
        [
            (axum::http::header::CONTENT_TYPE, "application/json".to_owned()),
            (axum::http::header::CONTENT_DISPOSITION, format!("attachment; filename=\"{name}\"")),
        ],
        body,
    )
        .into_response())
}

/// Imports a bundle made by another Beredd (an upload on the incident list).
pub async fn import_bundle(
    user: CurrentUser,
    State(state): State<AppState>,
    mut multipart: axum::extract::Multipart,
) -> Result<Response, AppError> {
    user.require(user.role.works_incidents())?;
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let parsed = match crate::web::classification::evidence::read(&mut multipart, &user.csrf).await? {
        Err(e) => Err(crate::web::forms::error_text(&e, &tr)),
        Ok((_, bytes)) => crate::services::crisis::bundle::parse(&bytes).map_err(|e| e.to_string()),
    };
    let b = match parsed {
        Ok(b) => b,
        Err(message) => {
            let mut page = super::list::list(user.clone(), State(state.clone()), Query(Query_::default())).await?;
            page.import_error = Some(message);
            page.ctx.title_prefix = Some(page.ctx.tr.t("error-prefix"));
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let mut tx = state.db.begin_write().await?;
    let note = |r: &crate::services::crisis::bundle::Report| {
        tr.ts("incident-log-bundle", "counts", &format!("{}/{}", r.imported, r.imported + r.skipped))
            + " "
            + &tr.ts("incident-log-bundle-from", "instance", &b.instance)
    };
    let report = crate::services::crisis::bundle::import(&mut tx, user.org_id, &b, &user.display_name, note).await?;
    let record = json!({ "uid": b.incident.uid, "instance": b.instance, "created": report.created, "imported": report.imported, "skipped": report.skipped });
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "import",
            entity: "incident",
            entity_id: Some(report.incident),
            summary: &b.incident.title,
            before: None::<&serde_json::Value>,
            after: Some(&record),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/incidents/{}/log?msg=imported", report.incident)).into_response())
}
