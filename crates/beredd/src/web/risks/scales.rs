//! The organisation's likelihood and consequence scales (2–6 steps each).

use super::*;

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
            ("likelihood".into(), s.lines("likelihood")),
            ("consequence".into(), s.lines("consequence")),
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
    let before = scales(&state.db.pool, user.org_id, &tr).await?;
    let all = risks::risks(&state.db.pool, user.org_id).await?;
    let mut e = Errors::default();
    let likelihood = e.take("likelihood", risk::scale_lines(form.text("likelihood")));
    let consequence = e.take("consequence", risk::scale_lines(form.text("consequence")));
    let used_l = all.iter().map(|r| r.likelihood.max(r.residual_likelihood)).max().unwrap_or(0);
    let used_c = all.iter().map(|r| r.consequence.max(r.residual_consequence)).max().unwrap_or(0);
    if !e.0.contains_key("likelihood") && (likelihood.len() as i64) < used_l {
        e.add("likelihood", FieldError::StepInUse { used: used_l as u8 });
    }
    if !e.0.contains_key("consequence") && (consequence.len() as i64) < used_c {
        e.add("consequence", FieldError::StepInUse { used: used_c as u8 });
    }
    if !e.is_empty() {
        return Ok(
            (StatusCode::UNPROCESSABLE_ENTITY, scales_page(&state, &user, Some(form), &e).await?).into_response()
        );
    }
    let mut tx = state.db.begin_write().await?;
    risks::set_scale(&mut tx, user.org_id, "likelihood", &likelihood).await?;
    risks::set_scale(&mut tx, user.org_id, "consequence", &consequence).await?;
    let was =
        serde_json::json!({ "likelihood": before.lines("likelihood"), "consequence": before.lines("consequence") });
    let now = serde_json::json!({ "likelihood": form.text("likelihood"), "consequence": form.text("consequence") });
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "update",
            entity: "risk-scales",
            entity_id: None,
            summary: &tr.t("risk-scales-title"),
            before: Some(&was),
            after: Some(&now),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to("/risks/scales?msg=saved").into_response())
}
