//! Risk analysis (first slice of issue 8): analyses as events with their risks, likelihood and
//! consequence on the default 1–4 scale before and after the existing measures, a risk matrix
//! drawn on the server with the same counts as a table, the register across analyses, and a
//! treatment that becomes an action in the action plan.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::risk::{self, Level};
use beredd_domain::{ActionStatus, FieldError, Priority, text};

use crate::store::{actions, audit, risks};
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Choice, Errors, Field, FieldKind, FormData, optional_id, summary};
use crate::web::i18n::Tr;
use crate::web::lookups::Lookups;
use crate::web::page::Ctx;
use crate::web::register::{Query_, parse_id};
use crate::web::registers::actions::optional_date;

pub struct RiskView {
    pub id: i64,
    pub analysis: String,
    pub analysis_id: i64,
    pub threat: String,
    pub value: i64,
    pub level: &'static str,
    pub level_label: String,
    pub residual: i64,
    pub residual_level: &'static str,
    pub owner: String,
    pub decision: String,
    pub action: Option<i64>,
}

/// The 4 × 4 matrix: for each cell (likelihood, consequence) how many risks sit there.
pub struct Cell {
    pub x: i64,
    pub y: i64,
    pub n: usize,
    pub level: &'static str,
}

#[derive(Template, WebTemplate)]
#[template(path = "risks.html")]
pub struct RisksPage {
    pub ctx: Ctx,
    pub analysis: Option<risks::Analysis>,
    pub analyses: Vec<risks::Analysis>,
    pub rows: Vec<RiskView>,
    pub cells: Vec<Cell>,
    pub matrix_rows: Vec<(String, Vec<usize>)>,
    pub consequence_labels: Vec<String>,
    pub analysis_fields: Vec<Field>,
    pub risk_fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
    pub may_edit: bool,
}

fn scale(tr: &Tr, kind: &str) -> Vec<Choice> {
    (1..=risk::STEPS).map(|n| Choice { value: n.to_string(), label: format!("{n} – {}", tr.t(&format!("risk-{kind}-{n}"))), depth: 0 }).collect()
}

fn analysis_fields(form: &FormData, e: &Errors, tr: &Tr) -> Vec<Field> {
    vec![
        Field::new("a_title", tr.t("risk-analysis-title-field"), FieldKind::Text, form, e, tr).required().maxlength(200),
        Field::new("a_scope", tr.t("risk-analysis-scope"), FieldKind::Text, form, e, tr).required().maxlength(300).hint(tr.t("risk-analysis-scope-hint")),
        Field::new("a_held_on", tr.t("risk-analysis-held-on"), FieldKind::Text, form, e, tr).required().maxlength(10).hint(tr.t("hint-date")),
        Field::new("a_participants", tr.t("incident-field-participants"), FieldKind::TextArea, form, e, tr).maxlength(2000),
        Field::new("a_method", tr.t("risk-analysis-method"), FieldKind::TextArea, form, e, tr).maxlength(4000),
    ]
}

fn risk_fields(form: &FormData, e: &Errors, lk: &Lookups, tr: &Tr) -> Vec<Field> {
    let decisions = risk::DECISIONS.iter().map(|d| Choice { value: (*d).to_owned(), label: tr.t(&format!("risk-decision-{d}")), depth: 0 }).collect();
    vec![
        Field::new("threat", tr.t("risk-threat"), FieldKind::Text, form, e, tr).required().maxlength(300),
        Field::new("vulnerability", tr.t("risk-vulnerability"), FieldKind::TextArea, form, e, tr).maxlength(2000),
        Field::new("consequence_text", tr.t("risk-consequence-text"), FieldKind::TextArea, form, e, tr).maxlength(2000),
        Field::new("likelihood", tr.t("risk-likelihood"), FieldKind::Select, form, e, tr).required().choices(scale(tr, "likelihood")),
        Field::new("consequence", tr.t("risk-consequence"), FieldKind::Select, form, e, tr).required().choices(scale(tr, "consequence")),
        Field::new("measures", tr.t("risk-measures"), FieldKind::TextArea, form, e, tr).maxlength(2000),
        Field::new("residual_likelihood", tr.t("risk-residual-likelihood"), FieldKind::Select, form, e, tr).required().choices(scale(tr, "likelihood")),
        Field::new("residual_consequence", tr.t("risk-residual-consequence"), FieldKind::Select, form, e, tr).required().choices(scale(tr, "consequence")),
        Field::new("owner", tr.t("field-responsible"), FieldKind::Select, form, e, tr).choices(lk.people_choices(tr.t("choice-none"))),
        Field::new("decision", tr.t("risk-decision"), FieldKind::Select, form, e, tr).required().choices(decisions),
        Field::new("due", tr.t("field-due-date"), FieldKind::Text, form, e, tr).maxlength(10).hint(tr.t("risk-hint-due")),
    ]
}

async fn page(state: &AppState, user: &CurrentUser, analysis: Option<i64>, form: &FormData, e: &Errors) -> Result<RisksPage, AppError> {
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let analyses = risks::analyses(&state.db.pool, user.org_id).await?;
    let current = match analysis {
        Some(id) => Some(analyses.iter().find(|a| a.id == id).cloned().ok_or(AppError::NotFound)?),
        None => None,
    };
    let all = risks::risks(&state.db.pool, user.org_id).await?;
    let chosen: Vec<&risks::Risk> = all.iter().filter(|r| current.as_ref().is_none_or(|a| a.id == r.analysis_id)).collect();
    let mut ctx = Ctx::new(state, user, "/risks", String::new());
    ctx.title = match &current {
        Some(a) => ctx.tr.ts("risk-analysis-page", "title", &a.title),
        None => ctx.tr.t("risks-title"),
    };
    let tr = &ctx.tr;
    let mut rows: Vec<RiskView> = chosen
        .iter()
        .map(|r| {
            let level = Level::of(r.likelihood as u8, r.consequence as u8);
            RiskView {
                id: r.id,
                analysis: analyses.iter().find(|a| a.id == r.analysis_id).map(|a| a.title.clone()).unwrap_or_default(),
                analysis_id: r.analysis_id,
                threat: r.threat.clone(),
                value: r.likelihood * r.consequence,
                level: level.code(),
                level_label: tr.t(&format!("risk-level-{}", level.code())),
                residual: r.residual_likelihood * r.residual_consequence,
                residual_level: Level::of(r.residual_likelihood as u8, r.residual_consequence as u8).code(),
                owner: lk.person_name(r.owner_id),
                decision: tr.t(&format!("risk-decision-{}", r.decision)),
                action: r.action_id,
            }
        })
        .collect();
    rows.sort_by(|a, b| b.residual.cmp(&a.residual).then(b.value.cmp(&a.value)));
    // The matrix counts each risk at its residual likelihood and consequence.
    let count = |l: i64, c: i64| chosen.iter().filter(|r| r.residual_likelihood == l && r.residual_consequence == c).count();
    let mut cells = Vec::new();
    for l in 1..=4 {
        for c in 1..=4 {
            cells.push(Cell { x: 60 + (c - 1) * 80, y: 10 + (4 - l) * 60, n: count(l, c), level: Level::of(l as u8, c as u8).code() });
        }
    }
    let matrix_rows = (1..=4).rev().map(|l| (format!("{l} – {}", tr.t(&format!("risk-likelihood-{l}"))), (1..=4).map(|c| count(l, c)).collect())).collect();
    let consequence_labels = (1..=4).map(|c| format!("{c} – {}", tr.t(&format!("risk-consequence-{c}")))).collect();
    let analysis_fields = analysis_fields(form, e, tr);
    let risk_fields = risk_fields(form, e, &lk, tr);
    let mut all_fields = analysis_fields.clone();
    all_fields.extend(risk_fields.iter().cloned());
    let error_summary = summary(&all_fields);
    if !error_summary.is_empty() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    Ok(RisksPage { may_edit: user.role.edits_all_content(), analysis: current, analyses, rows, cells, matrix_rows, consequence_labels, analysis_fields, risk_fields, error_summary, ctx })
}

fn defaults() -> FormData {
    let mut f = FormData::default();
    for k in ["likelihood", "consequence", "residual_likelihood", "residual_consequence"] {
        f.set(k, "2");
    }
    f.set("decision", "treat");
    f.set("a_held_on", &crate::db::now()[..10]);
    f
}

pub async fn register(user: CurrentUser, State(state): State<AppState>, Query(q): Query<Query_>) -> Result<RisksPage, AppError> {
    let mut p = page(&state, &user, None, &defaults(), &Errors::default()).await?;
    p.ctx.set_flash(q.get("msg").map(String::as_str));
    Ok(p)
}

pub async fn analysis(user: CurrentUser, State(state): State<AppState>, Path(id): Path<String>, Query(q): Query<Query_>) -> Result<RisksPage, AppError> {
    let id = parse_id(&id)?;
    let mut p = page(&state, &user, Some(id), &defaults(), &Errors::default()).await?;
    p.ctx.set_flash(q.get("msg").map(String::as_str));
    Ok(p)
}

pub async fn add_analysis(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    user.require(user.role.edits_all_content())?;
    let mut e = Errors::default();
    let title = e.take("a_title", text::Name::parse(form.text("a_title")).map(|n| n.into_string()));
    let scope = e.take("a_scope", text::optional_line(form.text("a_scope"), 300).and_then(|s| s.ok_or(FieldError::Required)));
    let held_on = e.take("a_held_on", optional_date(form.text("a_held_on")).and_then(|d| d.ok_or(FieldError::Required)));
    let participants = e.take("a_participants", text::optional_text(form.text("a_participants"), 2000));
    let method = e.take("a_method", text::optional_text(form.text("a_method"), 4000));
    if !e.is_empty() {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page(&state, &user, None, &form, &e).await?).into_response());
    }
    let a = risks::Analysis { id: 0, title, scope, held_on, participants, method, created_by: user.display_name.clone() };
    let mut tx = state.db.begin_write().await?;
    let id = risks::add_analysis(&mut *tx, user.org_id, &a).await?;
    audit::record(&mut *tx, &user.actor(), audit::Change { action: "create", entity: "risk", entity_id: Some(id), summary: &a.title, before: None, after: Some(&a) }).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/risks/analyses/{id}?msg=created")).into_response())
}

pub async fn add_risk(State(state): State<AppState>, Path(id): Path<String>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    user.require(user.role.edits_all_content())?;
    let id = parse_id(&id)?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    if !risks::analyses(&state.db.pool, user.org_id).await?.iter().any(|a| a.id == id) {
        return Err(AppError::NotFound);
    }
    let mut e = Errors::default();
    let threat = e.take("threat", text::optional_line(form.text("threat"), 300).and_then(|t| t.ok_or(FieldError::Required)));
    let vulnerability = e.take("vulnerability", text::optional_text(form.text("vulnerability"), 2000));
    let consequence_text = e.take("consequence_text", text::optional_text(form.text("consequence_text"), 2000));
    let mut step = |k: &'static str| i64::from(e.take(k, risk::step(form.text(k))));
    let (l, c, rl, rc) = (step("likelihood"), step("consequence"), step("residual_likelihood"), step("residual_consequence"));
    let measures = e.take("measures", text::optional_text(form.text("measures"), 2000));
    let owner = e.take("owner", optional_id(form.text("owner"), |p| lk.person(p).is_some()));
    let decision = form.text("decision").to_owned();
    if !risk::DECISIONS.contains(&decision.as_str()) {
        e.add("decision", FieldError::Choice);
    }
    let due = e.take("due", optional_date(form.text("due")));
    if !e.is_empty() {
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page(&state, &user, Some(id), &form, &e).await?).into_response());
    }
    let mut tx = state.db.begin_write().await?;
    // A risk to treat becomes an action in the action plan.
    let action = if decision == "treat" {
        let input = actions::ActionInput {
            title: tr.ts("risk-action-title", "threat", &threat),
            origin: "risk".into(),
            origin_ref: Some(format!("analysis:{id}")),
            owner_id: owner,
            unit_id: None,
            priority: match Level::of(rl as u8, rc as u8) {
                Level::Critical | Level::High => Priority::High,
                Level::Medium => Priority::Medium,
                Level::Low => Priority::Low,
            },
            due_date: due,
            status: ActionStatus::Planned,
            notes: measures.clone(),
        };
        let aid = actions::insert(&mut *tx, user.org_id, &input).await?;
        Some(aid)
    } else {
        None
    };
    let r = risks::Risk {
        id: 0,
        analysis_id: id,
        threat,
        vulnerability,
        consequence_text,
        likelihood: l,
        consequence: c,
        measures,
        residual_likelihood: rl,
        residual_consequence: rc,
        owner_id: owner,
        decision,
        decided_by: Some(user.display_name.clone()),
        action_id: action,
    };
    let rid = risks::add_risk(&mut *tx, user.org_id, &r).await?;
    audit::record(&mut *tx, &user.actor(), audit::Change { action: "create", entity: "risk", entity_id: Some(rid), summary: &r.threat, before: None, after: Some(&r) }).await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/risks/analyses/{id}?msg=created")).into_response())
}
