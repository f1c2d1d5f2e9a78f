//! Risk analyses: adding one, changing its details, deleting it.

use super::register::page;
use super::*;
use crate::platform::day::optional_day;
use crate::services::risks::analyses;

pub async fn add_analysis(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    user.require(user.role.edits_all_content())?;
    match parse_analysis(&state, &user, &form, &tr).await? {
        Ok(a) => {
            let id = analyses::add(&state.db, &user.actor(), &a).await?;
            Ok(Redirect::to(&format!("/risks/analyses/{id}?msg=created")).into_response())
        }
        Err(e) => {
            let page = page(&state, &user, None, &Query_::default(), &form, &e).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// Removes an analysis and its risks; actions they made stay in the action plan.
pub async fn delete_analysis(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, .. } = posted;
    user.require(user.role.edits_all_content())?;
    let id = parse_id(&id)?;
    analyses::delete(&state.db, &user.actor(), id).await?;
    Ok(Redirect::to("/risks?msg=deleted").into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "risks/analysis_edit.html")]
pub struct AnalysisEditPage {
    pub ctx: Ctx,
    pub id: i64,
    pub fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
}

async fn analysis_edit_page(
    state: &AppState,
    user: &CurrentUser,
    a: &risks::Analysis,
    form: &FormData,
    e: &Errors,
) -> Result<AnalysisEditPage, AppError> {
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut ctx = Ctx::new(state, user, "/risks", String::new());
    ctx.title = ctx.tr.ts("risk-analysis-edit-title", "title", &a.title);
    let fields = analysis_fields(form, e, scope_choices(state, user.org_id, &lk, &ctx.tr).await?, &ctx.tr);
    let error_summary = summary(&fields);
    if !error_summary.is_empty() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    Ok(AnalysisEditPage { id: a.id, fields, error_summary, ctx })
}

async fn find_analysis(state: &AppState, user: &CurrentUser, id: &str) -> Result<risks::Analysis, AppError> {
    let id = parse_id(id)?;
    risks::analyses(&state.db.pool, user.org_id).await?.into_iter().find(|a| a.id == id).ok_or(AppError::NotFound)
}

pub async fn edit_analysis_form(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<AnalysisEditPage, AppError> {
    user.require(user.role.edits_all_content())?;
    let a = find_analysis(&state, &user, &id).await?;
    let scope_ref = match (a.scope_kind, a.scope_id) {
        (Some(k), Some(id)) => format!("{}:{id}", k.code()),
        (Some(k), None) => k.code().to_owned(),
        _ => String::new(),
    };
    let form = FormData::from_pairs(vec![
        ("a_title".into(), a.title.clone()),
        ("a_scope_ref".into(), scope_ref),
        ("a_scope".into(), a.scope.clone()),
        ("a_held_on".into(), a.held_on.to_string()),
        ("a_participants".into(), a.participants.clone().unwrap_or_default()),
        ("a_method".into(), a.method.clone().unwrap_or_default()),
    ]);
    analysis_edit_page(&state, &user, &a, &form, &Errors::default()).await
}

/// What the analysis covers, as (kind, id): one of the choices offered.
async fn read_scope(
    state: &AppState,
    user: &CurrentUser,
    scope_ref: &str,
    e: &mut Errors,
    tr: &Tr,
) -> Result<(Option<beredd_domain::RiskScope>, Option<i64>), AppError> {
    if scope_ref.is_empty() {
        e.add("a_scope_ref", FieldError::Required);
        return Ok((None, None));
    }
    let lk = Lookups::load(&state.db, user.org_id).await?;
    if !scope_choices(state, user.org_id, &lk, tr).await?.iter().any(|c| c.value == scope_ref) {
        e.add("a_scope_ref", FieldError::Choice);
        return Ok((None, None));
    }
    Ok(match scope_ref.split_once(':') {
        Some((k, id)) => (beredd_domain::RiskScope::parse(k).ok(), id.parse::<i64>().ok()),
        None => (beredd_domain::RiskScope::parse(scope_ref).ok(), None),
    })
}

/// Reads the analysis form; shared by creating and changing an analysis.
async fn parse_analysis(
    state: &AppState,
    user: &CurrentUser,
    form: &FormData,
    tr: &Tr,
) -> Result<Result<risks::Analysis, Errors>, AppError> {
    let mut e = Errors::default();
    let title = e.take("a_title", text::Name::parse(form.text("a_title")).map(|n| n.into_string()));
    let (scope_kind, scope_id) = read_scope(state, user, form.text("a_scope_ref"), &mut e, tr).await?;
    let scope = e.take("a_scope", text::optional_line(form.text("a_scope"), 300)).unwrap_or_default();
    let held_on =
        e.take("a_held_on", optional_day(form.text("a_held_on")).and_then(|d| d.ok_or(FieldError::Required)).map(Some));
    let participants = e.take("a_participants", text::optional_text(form.text("a_participants"), 2000));
    let method = e.take("a_method", text::optional_text(form.text("a_method"), 4000));
    let Some(held_on) = held_on.filter(|_| e.is_empty()) else { return Ok(Err(e)) };
    let created_by = user.display_name.clone();
    Ok(Ok(risks::Analysis { id: 0, title, scope, held_on, participants, method, created_by, scope_kind, scope_id }))
}

pub async fn save_analysis(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    user.require(user.role.edits_all_content())?;
    let before = find_analysis(&state, &user, &id).await?;
    match parse_analysis(&state, &user, &form, &tr).await? {
        Ok(a) => {
            analyses::update(&state.db, &user.actor(), &before, a).await?;
            Ok(Redirect::to(&format!("/risks/analyses/{}?msg=saved", before.id)).into_response())
        }
        Err(e) => {
            let page = analysis_edit_page(&state, &user, &before, &form, &e).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
