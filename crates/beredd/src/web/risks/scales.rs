//! The organisation's likelihood and consequence scales (2–6 steps each).

use super::*;
use crate::services::Failure;
use crate::services::risks::save_scales as save;

#[derive(Template, WebTemplate)]
#[template(path = "risks/scales.html")]
pub struct ScalesPage {
    pub ctx: Ctx,
    pub fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
    pub own: bool,
}

async fn scales_page(
    state: &AppState,
    user: &CurrentUser,
    form: Option<FormData>,
    e: &Errors,
) -> Result<ScalesPage, AppError> {
    let mut ctx = Ctx::new(state, user, "/risks", String::new());
    ctx.title = ctx.tr.t("risk-scales-title");
    let s = scales(&state.db.pool, user.org_id, &ctx.tr).await?;
    let own = !risks::scales(&state.db.pool, user.org_id).await?.is_empty();
    let form = form.unwrap_or_else(|| {
        FormData::from_pairs(vec![
            ("likelihood".into(), s.lines(beredd_domain::risk::Axis::Likelihood)),
            ("consequence".into(), s.lines(beredd_domain::risk::Axis::Consequence)),
        ])
    });
    let tr = &ctx.tr;
    let fields = vec![
        Field::new("likelihood", tr.t("risk-likelihood"), FieldKind::TextArea, &form, e, tr)
            .required()
            .maxlength(3000)
            .hint(tr.t("risk-scales-hint")),
        Field::new("consequence", tr.t("risk-consequence"), FieldKind::TextArea, &form, e, tr)
            .required()
            .maxlength(3000)
            .hint(tr.t("risk-scales-hint")),
    ];
    let error_summary = summary(&fields);
    if !error_summary.is_empty() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    Ok(ScalesPage { fields, error_summary, own, ctx })
}

pub async fn scales_form(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
) -> Result<ScalesPage, AppError> {
    // Everyone reads the scales on the risk pages; this form is for those who may change them.
    user.require(user.role.edits_all_content())?;
    let mut p = scales_page(&state, &user, None, &Errors::default()).await?;
    p.ctx.set_flash(q.get("msg").map(String::as_str));
    Ok(p)
}

/// Saves the organisation's scales. A scale cannot get fewer steps than a registered risk uses.
pub async fn save_scales(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    user.require(user.role.edits_all_content())?;
    let (likelihood, consequence) = (form.text("likelihood"), form.text("consequence"));
    match save(&state.db, &user.actor(), &tr, likelihood, consequence).await {
        Ok(()) => Ok(Redirect::to("/risks/scales?msg=saved").into_response()),
        Err(Failure::Invalid(found)) => {
            let mut e = Errors::default();
            e.absorb(found);
            let page = scales_page(&state, &user, Some(form), &e).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(other) => Err(other.into()),
    }
}
