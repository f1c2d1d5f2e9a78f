//! Printing the binder (PDF) of one plan, one unit and those below it, or the organisation.

use super::*;

/// Typesets the binder of a unit (`unit`) or a plan (`plan`), records the print and sends the
/// PDF; the whole organisation's binder is printed in the background, and the answer is its job's
/// page. Anyone who can read the plans can print them.
pub async fn print_binder(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    // An empty choice is the whole organisation; anything else must be an id, never read as
    // "the whole organisation" (which starts the longest job there is).
    let id = |name: &str| match form.text(name).trim() {
        "" => Ok(None),
        t => t.parse::<i64>().map(Some).map_err(|_| AppError::BadRequest("not an id")),
    };
    let scope = match (id("plan")?, id("unit")?) {
        (Some(p), _) => Scope::Plan(p),
        (None, Some(u)) => Scope::Unit(u),
        (None, None) => {
            let job = binder::start_whole(&state.db, user.actor(), tr, user.display_name.clone()).await?;
            return Ok(Redirect::to(&format!("/jobs/{job}")).into_response());
        }
    };
    let printed = binder::print(&state.db, &user.actor(), &tr, scope, &user.display_name).await;
    let (b, pdf) = printed
        .map_err(|e| match e {
            binder::PrintError::Db(e) => AppError::from(e),
            binder::PrintError::Typeset(e) => AppError::from(e),
        })?
        .ok_or(AppError::NotFound)?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{}.pdf\"", b.file_stem)),
        ],
        pdf,
    )
        .into_response())
}
