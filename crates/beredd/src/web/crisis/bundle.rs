//! An incident as a bundle (JSON) to carry to another installation, and reading one in.

use super::*;
use crate::services::crisis::bundle::ImportError;

/// The incident as a bundle file for another Beredd.
pub async fn export_bundle(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let (h, _) = head(&state, &user, &id, "board").await?;
    // The file that moves an incident to another Beredd, whose id lets an import there and back
    // add to this incident's log: for those who work with incidents, as the import is. Readers
    // read the same on the incident's pages and in its PDF report.
    user.require(h.may_move)?;
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
    let refused = async |message: String| -> Result<Response, AppError> {
        let mut page = super::list::list(user.clone(), State(state.clone()), Query(Query_::default())).await?;
        page.import_error = Some(message);
        page.ctx.title_prefix = Some(page.ctx.tr.t("error-prefix"));
        Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
    };
    let b = match parsed {
        Ok(b) => b,
        Err(message) => return refused(message).await,
    };
    let actor = user.actor();
    let report = match crate::services::crisis::imports::bundle(&state.db, &actor, &tr, &b, &user.display_name).await {
        Ok(report) => report,
        Err(ImportError::Closed { title }) => return refused(tr.ts("incident-bundle-closed", "title", &title)).await,
        Err(ImportError::Db(e)) => return Err(e.into()),
    };
    Ok(Redirect::to(&format!("/incidents/{}/log?msg=imported", report.incident)).into_response())
}
