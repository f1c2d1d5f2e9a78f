//! Printing the binder (PDF) of one plan, one unit and those below it, or the organisation.

use super::*;

/// Typesets the binder of a unit (`unit`), a plan (`plan`) or the whole organisation, records
/// the print and sends the PDF. Anyone who can read the plans can print them.
pub async fn print_binder(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    let scope = if let Ok(p) = form.text("plan").parse::<i64>() {
        Scope::Plan(p)
    } else if let Ok(u) = form.text("unit").parse::<i64>() {
        Scope::Unit(u)
    } else {
        Scope::All
    };
    let whole = matches!(scope, Scope::All);
    let mut b = binder::prepare(
        &state.db.pool,
        &tr,
        user.org_id,
        scope,
        &user.display_name,
        &crate::platform::clock::today_text(),
    )
    .await?
    .ok_or(AppError::NotFound)?;
    if whole {
        let mut conn = state.db.pool.acquire().await?;
        binder::add_keys_page(&mut b, &mut conn, &state.db.keys, user.org_id, &tr).await?;
    }
    let pdf = binder::render(&b).await?;
    let mut tx = state.db.begin_write().await?;
    let print = binder::record(&mut tx, user.org_id, &b, &user.display_name).await?;
    let record = serde_json::json!({ "scope": b.scope_name, "plans": b.plans });
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "print",
            entity: "binder",
            entity_id: Some(print),
            summary: &b.scope_name,
            before: None::<&serde_json::Value>,
            after: Some(&record),
        },
    )
    .await?;
    tx.commit().await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{}.pdf\"", b.file_stem)),
        ],
        pdf,
    )
        .into_response())
}
