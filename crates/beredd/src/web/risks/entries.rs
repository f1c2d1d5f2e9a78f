//! The risks of an analysis: adding one, editing, deleting; a treatment becomes an action.

use super::register::page;
use super::*;

/// A risk as the form gives it, checked against the organisation's scales and registers.
struct Parsed {
    risk: risks::Risk,
    assets: Vec<i64>,
    due: Option<String>,
}

async fn parse_risk(
    state: &AppState,
    user: &CurrentUser,
    form: &FormData,
    s: &Scales,
    lk: &Lookups,
) -> Result<Result<Parsed, Errors>, AppError> {
    let all_assets = assets::list(&state.db.pool, user.org_id).await?;
    let mut e = Errors::default();
    let threat =
        e.take("threat", text::optional_line(form.text("threat"), 300).and_then(|t| t.ok_or(FieldError::Required)));
    let vulnerability = e.take("vulnerability", text::optional_text(form.text("vulnerability"), 2000));
    let consequence_text = e.take("consequence_text", text::optional_text(form.text("consequence_text"), 2000));
    let mut step = |k: &'static str, kind: &str| i64::from(e.take(k, risk::step_of(form.text(k), s.steps(kind))));
    let (l, c, rl, rc) = (
        step("likelihood", "likelihood"),
        step("consequence", "consequence"),
        step("residual_likelihood", "likelihood"),
        step("residual_consequence", "consequence"),
    );
    let measures = e.take("measures", text::optional_text(form.text("measures"), 2000));
    let owner = e.take("owner", optional_id(form.text("owner"), |p| lk.person(p).is_some()));
    let decision = e.take("decision", RiskDecision::parse(form.text("decision")).map(Some));
    let mut touched = Vec::new();
    for a in form.all("assets") {
        match a.parse::<i64>().ok().filter(|id| all_assets.iter().any(|x| x.id == *id)) {
            Some(id) if !touched.contains(&id) => touched.push(id),
            Some(_) => {}
            None => e.add("assets", FieldError::Choice),
        }
    }
    let due = e.take("due", optional_date(form.text("due")));
    if !e.is_empty() {
        return Ok(Err(e));
    }
    let risk = risks::Risk {
        id: 0,
        analysis_id: 0,
        threat,
        vulnerability,
        consequence_text,
        likelihood: l,
        consequence: c,
        measures,
        residual_likelihood: rl,
        residual_consequence: rc,
        owner_id: owner,
        decision: decision.unwrap_or(RiskDecision::Treat),
        decided_by: Some(user.display_name.clone()),
        action_id: None,
    };
    Ok(Ok(Parsed { risk, assets: touched, due }))
}

/// A risk to treat becomes an action in the action plan, with a priority from its residual level.
async fn treatment(
    conn: &mut sqlx::AnyConnection,
    user: &CurrentUser,
    tr: &Tr,
    s: &Scales,
    r: &risks::Risk,
    due: Option<String>,
) -> Result<i64, AppError> {
    let input = actions::ActionInput {
        title: tr.ts("risk-action-title", "threat", &r.threat),
        origin: "risk".into(),
        origin_ref: Some(format!("analysis:{}", r.analysis_id)),
        owner_id: r.owner_id,
        unit_id: None,
        priority: match s.level(r.residual_likelihood, r.residual_consequence) {
            Level::Critical | Level::High => Priority::High,
            Level::Medium => Priority::Medium,
            Level::Low => Priority::Low,
        },
        due_date: due,
        status: ActionStatus::Planned,
        notes: r.measures.clone(),
    };
    Ok(actions::insert(&mut *conn, user.org_id, &input).await?)
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
    let Parsed { mut risk, assets, due } = match parse_risk(&state, &user, &form, &s, &lk).await? {
        Ok(p) => p,
        Err(e) => {
            return Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                page(&state, &user, Some(id), &Query_::default(), &form, &e).await?,
            )
                .into_response());
        }
    };
    risk.analysis_id = id;
    let mut tx = state.db.begin_write().await?;
    if risk.decision == RiskDecision::Treat {
        risk.action_id = Some(treatment(&mut tx, &user, &tr, &s, &risk, due).await?);
    }
    let rid = risks::add_risk(&mut *tx, user.org_id, &risk).await?;
    risks::set_assets(&mut tx, rid, &assets).await?;
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "create",
            entity: "risk",
            entity_id: Some(rid),
            summary: &risk.threat,
            before: None,
            after: Some(&risk),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/risks/analyses/{id}?msg=created")).into_response())
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
    let Parsed { mut risk, assets, due } = match parse_risk(&state, &user, &form, &s, &lk).await? {
        Ok(p) => p,
        Err(e) => {
            return Ok(
                (StatusCode::UNPROCESSABLE_ENTITY, edit_page(&state, &user, &before, &form, &e).await?).into_response()
            );
        }
    };
    risk.id = before.id;
    risk.analysis_id = before.analysis_id;
    risk.action_id = before.action_id;
    if risk.decision == before.decision {
        risk.decided_by = before.decided_by.clone();
    }
    let mut tx = state.db.begin_write().await?;
    // A risk newly decided to be treated gets its action; an existing action is kept as it is.
    if risk.decision == RiskDecision::Treat && risk.action_id.is_none() {
        risk.action_id = Some(treatment(&mut tx, &user, &tr, &s, &risk, due).await?);
    }
    risks::update_risk(&mut *tx, user.org_id, &risk).await?;
    risks::set_assets(&mut tx, risk.id, &assets).await?;
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "update",
            entity: "risk",
            entity_id: Some(risk.id),
            summary: &risk.threat,
            before: Some(&before),
            after: Some(&risk),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/risks/analyses/{}?msg=saved", risk.analysis_id)).into_response())
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
    let mut tx = state.db.begin_write().await?;
    risks::set_assets(&mut tx, r.id, &[]).await?;
    risks::delete_risk(&mut *tx, user.org_id, r.id).await?;
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "delete",
            entity: "risk",
            entity_id: Some(r.id),
            summary: &r.threat,
            before: Some(&r),
            after: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/risks/analyses/{}?msg=deleted", r.analysis_id)).into_response())
}
