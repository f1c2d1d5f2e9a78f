//! The risks of an analysis: adding one, editing, deleting; a treatment becomes an action.

use super::register::page;
use super::*;
use crate::services::risks::entries::{self, Checked};

/// The four steps of a risk on the scales: likelihood and consequence, before and after.
fn steps(form: &FormData, e: &mut Errors, s: &Scales) -> [i64; 4] {
    use risk::Axis::{Consequence, Likelihood};
    let mut step = |k: &'static str, kind: risk::Axis| i64::from(e.take(k, risk::step_of(form.text(k), s.steps(kind))));
    [
        step("likelihood", Likelihood),
        step("consequence", Consequence),
        step("residual_likelihood", Likelihood),
        step("residual_consequence", Consequence),
    ]
}

/// The information assets chosen, each once; one the register does not have is an error.
fn touched(form: &FormData, e: &mut Errors, all_assets: &[assets::Asset]) -> Vec<i64> {
    let mut touched = Vec::new();
    for a in form.all("assets") {
        match a.parse::<i64>().ok().filter(|id| all_assets.iter().any(|x| x.id == *id)) {
            Some(id) if !touched.contains(&id) => touched.push(id),
            Some(_) => {}
            None => e.add("assets", FieldError::Choice),
        }
    }
    touched
}

/// Reads the risk form against the organisation's scales and registers.
async fn parse_risk(
    state: &AppState,
    user: &CurrentUser,
    form: &FormData,
    s: &Scales,
    lk: &Lookups,
) -> Result<Result<Checked, Errors>, AppError> {
    let all_assets = assets::list(&state.db.pool, user.org_id).await?;
    let mut e = Errors::default();
    let threat =
        e.take("threat", text::optional_line(form.text("threat"), 300).and_then(|t| t.ok_or(FieldError::Required)));
    let vulnerability = e.take("vulnerability", text::optional_text(form.text("vulnerability"), 2000));
    let consequence_text = e.take("consequence_text", text::optional_text(form.text("consequence_text"), 2000));
    let [likelihood, consequence, residual_likelihood, residual_consequence] = steps(form, &mut e, s);
    let measures = e.take("measures", text::optional_text(form.text("measures"), 2000));
    let owner_id = e.take("owner", optional_id(form.text("owner"), |p| lk.person(p).is_some()));
    let decision = e.take("decision", RiskDecision::parse(form.text("decision")).map(Some));
    let assets = touched(form, &mut e, &all_assets);
    let due = e.take("due", crate::platform::day::optional_day(form.text("due")));
    if !e.is_empty() {
        return Ok(Err(e));
    }
    let risk = risks::Risk {
        id: 0,
        analysis_id: 0,
        threat,
        vulnerability,
        consequence_text,
        likelihood,
        consequence,
        measures,
        residual_likelihood,
        residual_consequence,
        owner_id,
        decision: decision.unwrap_or(RiskDecision::Treat),
        decided_by: Some(user.display_name.clone()),
        action_id: None,
    };
    Ok(Ok(Checked { risk, assets, due }))
}

pub async fn add_risk(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    user.require(user.role.edits_all_content())?;
    let id = parse_id(&id)?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    if !risks::analyses(&state.db.pool, user.org_id).await?.iter().any(|a| a.id == id) {
        return Err(AppError::NotFound);
    }
    let s = scales(&state.db.pool, user.org_id, &tr).await?;
    match parse_risk(&state, &user, &form, &s, &lk).await? {
        Ok(checked) => {
            entries::add(&state.db, &user.actor(), &tr, &s, id, checked).await?;
            Ok(Redirect::to(&format!("/risks/analyses/{id}?msg=created")).into_response())
        }
        Err(e) => {
            let page = page(&state, &user, Some(id), &Query_::default(), &form, &e).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "risks/risk_edit.html")]
pub struct EditPage {
    pub ctx: Ctx,
    pub id: i64,
    pub analysis: risks::Analysis,
    pub fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
}

async fn edit_page(
    state: &AppState,
    user: &CurrentUser,
    r: &risks::Risk,
    form: &FormData,
    e: &Errors,
) -> Result<EditPage, AppError> {
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let analysis = risks::analyses(&state.db.pool, user.org_id)
        .await?
        .into_iter()
        .find(|a| a.id == r.analysis_id)
        .ok_or(AppError::NotFound)?;
    let mut ctx = Ctx::new(state, user, "/risks", String::new());
    ctx.title = ctx.tr.ts("risk-edit-title", "threat", &r.threat);
    let s = scales(&state.db.pool, user.org_id, &ctx.tr).await?;
    let all_assets = assets::list(&state.db.pool, user.org_id).await?;
    let fields = risk_fields(form, e, &lk, &all_assets, &s, &ctx.tr);
    let error_summary = summary(&fields);
    if !error_summary.is_empty() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    Ok(EditPage { id: r.id, analysis, fields, error_summary, ctx })
}

async fn find_risk(state: &AppState, user: &CurrentUser, id: &str) -> Result<risks::Risk, AppError> {
    let id = parse_id(id)?;
    risks::risks(&state.db.pool, user.org_id).await?.into_iter().find(|r| r.id == id).ok_or(AppError::NotFound)
}

pub async fn edit_form(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<EditPage, AppError> {
    user.require(user.role.edits_all_content())?;
    let r = find_risk(&state, &user, &id).await?;
    let touched = risks::risk_assets(&state.db.pool, user.org_id).await?;
    let mut form = FormData::from_pairs(vec![
        ("threat".into(), r.threat.clone()),
        ("vulnerability".into(), r.vulnerability.clone().unwrap_or_default()),
        ("consequence_text".into(), r.consequence_text.clone().unwrap_or_default()),
        ("likelihood".into(), r.likelihood.to_string()),
        ("consequence".into(), r.consequence.to_string()),
        ("measures".into(), r.measures.clone().unwrap_or_default()),
        ("residual_likelihood".into(), r.residual_likelihood.to_string()),
        ("residual_consequence".into(), r.residual_consequence.to_string()),
        ("owner".into(), r.owner_id.map(|o| o.to_string()).unwrap_or_default()),
        ("decision".into(), r.decision.code().into()),
    ]);
    for (_, a) in touched.iter().filter(|(rid, _)| *rid == r.id) {
        form.push("assets", a.to_string());
    }
    edit_page(&state, &user, &r, &form, &Errors::default()).await
}

pub async fn save(State(state): State<AppState>, Path(id): Path<String>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    user.require(user.role.edits_all_content())?;
    let before = find_risk(&state, &user, &id).await?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let s = scales(&state.db.pool, user.org_id, &tr).await?;
    match parse_risk(&state, &user, &form, &s, &lk).await? {
        Ok(checked) => {
            entries::save(&state.db, &user.actor(), &tr, &s, &before, checked).await?;
            Ok(Redirect::to(&format!("/risks/analyses/{}?msg=saved", before.analysis_id)).into_response())
        }
        Err(e) => {
            let page = edit_page(&state, &user, &before, &form, &e).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// Removes a risk; an action it made stays in the action plan.
pub async fn delete(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, .. } = posted;
    user.require(user.role.edits_all_content())?;
    let r = find_risk(&state, &user, &id).await?;
    entries::delete(&state.db, &user.actor(), &r).await?;
    Ok(Redirect::to(&format!("/risks/analyses/{}?msg=deleted", r.analysis_id)).into_response())
}
