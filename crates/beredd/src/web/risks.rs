//! Risk analysis (issue 8): analyses as events covering the organisation, a unit, a system or an
//! activity, with their risks rated on the organisation's scales (default 1–4) before and after
//! the existing measures, the information assets each touches, an owner and a decision; a risk
//! matrix drawn on the server with the same counts as a table, per analysis and for the whole
//! organisation; the register with filters and an Excel export; and a treatment that becomes an
//! action in the action plan.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::risk::{self, Level, ScaleStep};
use beredd_domain::{ActionStatus, FieldError, Priority, text};

use crate::platform::i18n::Tr;
use crate::store::{actions, activities, assets, audit, risks, systems};
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Choice, Errors, Field, FieldKind, FormData, optional_id, summary};
use crate::web::lookups::Lookups;
use crate::web::page::Ctx;
use crate::web::register::{Query_, parse_id};
use beredd_domain::text::optional_date;

/// The likelihood and consequence scales as the organisation uses them.
pub struct Scales {
    pub likelihood: Vec<ScaleStep>,
    pub consequence: Vec<ScaleStep>,
}

impl Scales {
    fn of(&self, kind: &str) -> &[ScaleStep] {
        if kind == "likelihood" { &self.likelihood } else { &self.consequence }
    }
    fn steps(&self, kind: &str) -> u8 {
        self.of(kind).len() as u8
    }
    fn label(&self, kind: &str, n: i64) -> String {
        self.of(kind)
            .get((n - 1).max(0) as usize)
            .map(|s| format!("{n} – {}", s.label))
            .unwrap_or_else(|| n.to_string())
    }
    fn level(&self, l: i64, c: i64) -> Level {
        Level::scaled(l as u8, c as u8, self.steps("likelihood"), self.steps("consequence"))
    }
    /// The scale as a text area holds it: `Label | description`, one step per line.
    fn lines(&self, kind: &str) -> String {
        self.of(kind)
            .iter()
            .map(|s| match &s.description {
                Some(d) => format!("{} | {d}", s.label),
                None => s.label.clone(),
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The organisation's scales, or the default 1–4 scales in the user's language.
pub async fn scales(state: &AppState, org: i64, tr: &Tr) -> Result<Scales, AppError> {
    let rows = risks::scales(&state.db.pool, org).await?;
    let pick = |kind: &str| {
        let own: Vec<ScaleStep> = rows
            .iter()
            .filter(|r| r.kind == kind)
            .map(|r| ScaleStep { label: r.label.clone(), description: r.description.clone() })
            .collect();
        if own.is_empty() {
            (1..=risk::STEPS)
                .map(|n| ScaleStep {
                    label: tr.t(&format!("risk-{kind}-{n}")),
                    description: Some(tr.t(&format!("risk-{kind}-{n}-desc"))),
                })
                .collect()
        } else {
            own
        }
    };
    Ok(Scales { likelihood: pick("likelihood"), consequence: pick("consequence") })
}

pub struct RiskView {
    pub id: i64,
    pub analysis: String,
    pub analysis_id: i64,
    pub threat: String,
    pub assets: String,
    pub value: i64,
    pub level: &'static str,
    pub level_label: String,
    pub residual: i64,
    pub residual_level: &'static str,
    pub residual_label: String,
    pub owner: String,
    pub decision: String,
    pub action: Option<i64>,
    pub vulnerability: String,
    pub consequence_text: String,
    pub measures: String,
    pub before: String,
    pub after: String,
}

/// One cell of the matrix: where it is drawn and how many risks sit there.
pub struct Cell {
    pub x: i64,
    pub y: i64,
    pub w: i64,
    pub h: i64,
    pub n: usize,
    pub level: &'static str,
}

pub struct ScaleView {
    pub label: String,
    pub description: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "risks/register.html")]
pub struct RisksPage {
    pub ctx: Ctx,
    pub analysis: Option<risks::Analysis>,
    pub scope_link: Option<(String, String)>,
    pub analyses: Vec<risks::Analysis>,
    pub rows: Vec<RiskView>,
    pub cells: Vec<Cell>,
    pub matrix_rows: Vec<(String, Vec<usize>)>,
    pub consequence_labels: Vec<String>,
    pub likelihood_scale: Vec<ScaleView>,
    pub consequence_scale: Vec<ScaleView>,
    pub analysis_fields: Vec<Field>,
    pub risk_fields: Vec<Field>,
    pub filters: Vec<Field>,
    pub export_query: String,
    pub error_summary: Vec<(String, String)>,
    pub may_edit: bool,
}

fn scale_choices(s: &Scales, kind: &str) -> Vec<Choice> {
    (1..=s.steps(kind)).map(|n| Choice { value: n.to_string(), label: s.label(kind, i64::from(n)), depth: 0 }).collect()
}

/// Where an analysis can point: the whole organisation, a unit, a system or an activity.
async fn scope_choices(state: &AppState, org: i64, lk: &Lookups, tr: &Tr) -> Result<Vec<Choice>, AppError> {
    let mut c = vec![Choice { value: "org".into(), label: tr.t("risk-scope-org"), depth: 0 }];
    c.extend(lk.unit_choices(None).into_iter().map(|u| Choice {
        value: format!("unit:{}", u.value),
        label: format!("{}: {}", tr.t("field-unit"), u.label),
        depth: 0,
    }));
    c.extend(systems::list(&state.db.pool, org).await?.into_iter().map(|s| Choice {
        value: format!("system:{}", s.id),
        label: format!("{}: {}", tr.t("risk-scope-system"), s.name),
        depth: 0,
    }));
    c.extend(activities::list(&state.db.pool, org).await?.into_iter().map(|a| Choice {
        value: format!("activity:{}", a.id),
        label: format!("{}: {}", tr.t("risk-scope-activity"), a.name),
        depth: 0,
    }));
    Ok(c)
}

fn analysis_fields(form: &FormData, e: &Errors, scopes: Vec<Choice>, tr: &Tr) -> Vec<Field> {
    vec![
        Field::new("a_title", tr.t("risk-analysis-title-field"), FieldKind::Text, form, e, tr)
            .required()
            .maxlength(200),
        Field::new("a_scope_ref", tr.t("risk-analysis-scope"), FieldKind::Select, form, e, tr)
            .required()
            .choices(scopes),
        Field::new("a_scope", tr.t("risk-analysis-scope-text"), FieldKind::Text, form, e, tr)
            .maxlength(300)
            .hint(tr.t("risk-analysis-scope-hint")),
        Field::new("a_held_on", tr.t("risk-analysis-held-on"), FieldKind::Text, form, e, tr)
            .required()
            .maxlength(10)
            .hint(tr.t("hint-date")),
        Field::new("a_participants", tr.t("incident-field-participants"), FieldKind::TextArea, form, e, tr)
            .maxlength(2000),
        Field::new("a_method", tr.t("risk-analysis-method"), FieldKind::TextArea, form, e, tr).maxlength(4000),
    ]
}

fn risk_fields(
    form: &FormData,
    e: &Errors,
    lk: &Lookups,
    all_assets: &[assets::Asset],
    s: &Scales,
    tr: &Tr,
) -> Vec<Field> {
    let decisions = risk::DECISIONS
        .iter()
        .map(|d| Choice { value: (*d).to_owned(), label: tr.t(&format!("risk-decision-{d}")), depth: 0 })
        .collect();
    let mut f = vec![
        Field::new("threat", tr.t("risk-threat"), FieldKind::Text, form, e, tr).required().maxlength(300),
        Field::new("vulnerability", tr.t("risk-vulnerability"), FieldKind::TextArea, form, e, tr).maxlength(2000),
        Field::new("consequence_text", tr.t("risk-consequence-text"), FieldKind::TextArea, form, e, tr).maxlength(2000),
    ];
    if !all_assets.is_empty() {
        f.push(Field::new("assets", tr.t("risk-assets"), FieldKind::MultiCheck, form, e, tr).choices(
            all_assets.iter().map(|a| Choice { value: a.id.to_string(), label: a.name.clone(), depth: 0 }).collect(),
        ));
    }
    f.extend([
        Field::new("likelihood", tr.t("risk-likelihood"), FieldKind::Select, form, e, tr)
            .required()
            .choices(scale_choices(s, "likelihood")),
        Field::new("consequence", tr.t("risk-consequence"), FieldKind::Select, form, e, tr)
            .required()
            .choices(scale_choices(s, "consequence")),
        Field::new("measures", tr.t("risk-measures"), FieldKind::TextArea, form, e, tr).maxlength(2000),
        Field::new("residual_likelihood", tr.t("risk-residual-likelihood"), FieldKind::Select, form, e, tr)
            .required()
            .choices(scale_choices(s, "likelihood")),
        Field::new("residual_consequence", tr.t("risk-residual-consequence"), FieldKind::Select, form, e, tr)
            .required()
            .choices(scale_choices(s, "consequence")),
        Field::new("owner", tr.t("field-responsible"), FieldKind::Select, form, e, tr)
            .choices(lk.people_choices(tr.t("choice-none"))),
        Field::new("decision", tr.t("risk-decision"), FieldKind::Select, form, e, tr).required().choices(decisions),
        Field::new("due", tr.t("field-due-date"), FieldKind::Text, form, e, tr)
            .maxlength(10)
            .hint(tr.t("risk-hint-due")),
    ]);
    f
}

fn filter_fields(q: &FormData, lk: &Lookups, tr: &Tr) -> Vec<Field> {
    let all = || Choice { value: String::new(), label: tr.t("filter-all"), depth: 0 };
    let mut levels = vec![all()];
    levels.extend(["critical", "high", "medium", "low"].iter().map(|l| Choice {
        value: (*l).to_owned(),
        label: tr.t(&format!("risk-level-{l}")),
        depth: 0,
    }));
    let mut decisions = vec![all()];
    decisions.extend(risk::DECISIONS.iter().map(|d| Choice {
        value: (*d).to_owned(),
        label: tr.t(&format!("risk-decision-{d}")),
        depth: 0,
    }));
    let mut owners = vec![all()];
    owners.extend(lk.people_choices(String::new()).into_iter().filter(|c| !c.value.is_empty()));
    let none = Errors::default();
    vec![
        Field::new("f_level", tr.t("risk-filter-level"), FieldKind::Select, q, &none, tr).choices(levels),
        Field::new("f_decision", tr.t("risk-decision"), FieldKind::Select, q, &none, tr).choices(decisions),
        Field::new("f_owner", tr.t("field-responsible"), FieldKind::Select, q, &none, tr).choices(owners),
    ]
}

/// The risks the filters keep, as the register shows them (highest residual first).
async fn register_rows(
    state: &AppState,
    user: &CurrentUser,
    analysis: Option<i64>,
    q: &Query_,
    s: &Scales,
    lk: &Lookups,
    tr: &Tr,
) -> Result<Vec<(risks::Risk, RiskView)>, AppError> {
    let analyses = risks::analyses(&state.db.pool, user.org_id).await?;
    let all_assets = assets::list(&state.db.pool, user.org_id).await?;
    let touches = risks::risk_assets(&state.db.pool, user.org_id).await?;
    let want = |k: &str| q.get(k).filter(|v| !v.is_empty()).cloned();
    let mut rows: Vec<(risks::Risk, RiskView)> = risks::risks(&state.db.pool, user.org_id)
        .await?
        .into_iter()
        .filter(|r| analysis.is_none_or(|a| a == r.analysis_id))
        .filter(|r| want("f_decision").is_none_or(|d| d == r.decision))
        .filter(|r| want("f_owner").is_none_or(|o| Some(o) == r.owner_id.map(|x| x.to_string())))
        .filter(|r| want("f_level").is_none_or(|l| l == s.level(r.residual_likelihood, r.residual_consequence).code()))
        .map(|r| {
            let level = s.level(r.likelihood, r.consequence);
            let residual_level = s.level(r.residual_likelihood, r.residual_consequence);
            let names: Vec<String> = touches
                .iter()
                .filter(|(rid, _)| *rid == r.id)
                .filter_map(|(_, a)| all_assets.iter().find(|x| x.id == *a))
                .map(|a| a.name.clone())
                .collect();
            let view = RiskView {
                id: r.id,
                analysis: analyses.iter().find(|a| a.id == r.analysis_id).map(|a| a.title.clone()).unwrap_or_default(),
                analysis_id: r.analysis_id,
                threat: r.threat.clone(),
                assets: names.join(", "),
                value: r.likelihood * r.consequence,
                level: level.code(),
                level_label: tr.t(&format!("risk-level-{}", level.code())),
                residual: r.residual_likelihood * r.residual_consequence,
                residual_level: residual_level.code(),
                residual_label: tr.t(&format!("risk-level-{}", residual_level.code())),
                owner: lk.person_name(r.owner_id),
                decision: match &r.decided_by {
                    Some(who) => format!("{} ({who})", tr.t(&format!("risk-decision-{}", r.decision))),
                    None => tr.t(&format!("risk-decision-{}", r.decision)),
                },
                action: r.action_id,
                vulnerability: r.vulnerability.clone().unwrap_or_default(),
                consequence_text: r.consequence_text.clone().unwrap_or_default(),
                measures: r.measures.clone().unwrap_or_default(),
                before: format!("{} · {}", s.label("likelihood", r.likelihood), s.label("consequence", r.consequence)),
                after: format!(
                    "{} · {}",
                    s.label("likelihood", r.residual_likelihood),
                    s.label("consequence", r.residual_consequence)
                ),
            };
            (r, view)
        })
        .collect();
    rows.sort_by(|(_, a), (_, b)| b.residual.cmp(&a.residual).then(b.value.cmp(&a.value)));
    Ok(rows)
}

async fn scope_link(
    state: &AppState,
    org: i64,
    a: &risks::Analysis,
    lk: &Lookups,
    tr: &Tr,
) -> Result<Option<(String, String)>, AppError> {
    Ok(match (a.scope_kind.as_deref(), a.scope_id) {
        (Some("org"), _) => Some((tr.t("risk-scope-org"), String::new())),
        (Some("unit"), Some(id)) => lk.unit(id).map(|u| (u.name.clone(), format!("/units/{id}"))),
        (Some("system"), Some(id)) => systems::list(&state.db.pool, org)
            .await?
            .into_iter()
            .find(|s| s.id == id)
            .map(|s| (s.name, format!("/systems/{id}"))),
        (Some("activity"), Some(id)) => activities::list(&state.db.pool, org)
            .await?
            .into_iter()
            .find(|x| x.id == id)
            .map(|x| (x.name, format!("/activities/{id}"))),
        _ => None,
    })
}

async fn page(
    state: &AppState,
    user: &CurrentUser,
    analysis: Option<i64>,
    q: &Query_,
    form: &FormData,
    e: &Errors,
) -> Result<RisksPage, AppError> {
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let analyses = risks::analyses(&state.db.pool, user.org_id).await?;
    let current = match analysis {
        Some(id) => Some(analyses.iter().find(|a| a.id == id).cloned().ok_or(AppError::NotFound)?),
        None => None,
    };
    let mut ctx = Ctx::new(state, user, "/risks", String::new());
    ctx.title = match &current {
        Some(a) => ctx.tr.ts("risk-analysis-page", "title", &a.title),
        None => ctx.tr.t("risks-title"),
    };
    let tr = &ctx.tr;
    let s = scales(state, user.org_id, tr).await?;
    let chosen = register_rows(state, user, analysis, q, &s, &lk, tr).await?;
    // The matrix counts each risk at its residual likelihood and consequence.
    let (nl, nc) = (i64::from(s.steps("likelihood")), i64::from(s.steps("consequence")));
    let count = |l: i64, c: i64| {
        chosen.iter().filter(|(r, _)| r.residual_likelihood == l && r.residual_consequence == c).count()
    };
    let (w, h) = (320 / nc, 240 / nl);
    let mut cells = Vec::new();
    for l in 1..=nl {
        for c in 1..=nc {
            cells.push(Cell {
                x: 60 + (c - 1) * w,
                y: 10 + (nl - l) * h,
                w: w - 2,
                h: h - 2,
                n: count(l, c),
                level: s.level(l, c).code(),
            });
        }
    }
    let matrix_rows =
        (1..=nl).rev().map(|l| (s.label("likelihood", l), (1..=nc).map(|c| count(l, c)).collect())).collect();
    let consequence_labels = (1..=nc).map(|c| s.label("consequence", c)).collect();
    let view = |kind: &str| {
        s.of(kind)
            .iter()
            .enumerate()
            .map(|(i, st)| ScaleView {
                label: format!("{} – {}", i + 1, st.label),
                description: st.description.clone().unwrap_or_default(),
            })
            .collect()
    };
    let scope_link = match &current {
        Some(a) => scope_link(state, user.org_id, a, &lk, tr).await?,
        None => None,
    };
    let analysis_fields = analysis_fields(form, e, scope_choices(state, user.org_id, &lk, tr).await?, tr);
    let all_assets = assets::list(&state.db.pool, user.org_id).await?;
    let risk_fields = risk_fields(form, e, &lk, &all_assets, &s, tr);
    let mut all_fields = analysis_fields.clone();
    all_fields.extend(risk_fields.iter().cloned());
    let error_summary = summary(&all_fields);
    let query_form = FormData::from_pairs(q.iter().map(|(k, v)| (k.clone(), v.clone())).collect());
    let filters = filter_fields(&query_form, &lk, tr);
    let mut export_query: Vec<(String, String)> = ["f_level", "f_decision", "f_owner"]
        .iter()
        .filter_map(|k| q.get(*k).filter(|v| !v.is_empty()).map(|v| ((*k).to_owned(), v.clone())))
        .collect();
    if let Some(a) = analysis {
        export_query.push(("analysis".into(), a.to_string()));
    }
    let export_query = form_urlencoded::Serializer::new(String::new()).extend_pairs(export_query).finish();
    let (likelihood_scale, consequence_scale) = (view("likelihood"), view("consequence"));
    if !error_summary.is_empty() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    Ok(RisksPage {
        may_edit: user.role.edits_all_content(),
        analysis: current,
        scope_link,
        analyses,
        rows: chosen.into_iter().map(|(_, v)| v).collect(),
        cells,
        matrix_rows,
        consequence_labels,
        likelihood_scale,
        consequence_scale,
        analysis_fields,
        risk_fields,
        filters,
        export_query,
        error_summary,
        ctx,
    })
}

fn defaults() -> FormData {
    let mut f = FormData::default();
    for k in ["likelihood", "consequence", "residual_likelihood", "residual_consequence"] {
        f.set(k, "2");
    }
    f.set("decision", "treat");
    f.set("a_scope_ref", "org");
    f.set("a_held_on", &crate::platform::clock::today_text());
    f
}

pub async fn register(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
) -> Result<RisksPage, AppError> {
    let mut p = page(&state, &user, None, &q, &defaults(), &Errors::default()).await?;
    p.ctx.set_flash(q.get("msg").map(String::as_str));
    Ok(p)
}

pub async fn analysis(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<Query_>,
) -> Result<RisksPage, AppError> {
    let id = parse_id(&id)?;
    let mut p = page(&state, &user, Some(id), &q, &defaults(), &Errors::default()).await?;
    p.ctx.set_flash(q.get("msg").map(String::as_str));
    Ok(p)
}

pub async fn add_analysis(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    user.require(user.role.edits_all_content())?;
    let a = match parse_analysis(&state, &user, &form, &tr).await? {
        Ok(a) => a,
        Err(e) => {
            return Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                page(&state, &user, None, &Query_::default(), &form, &e).await?,
            )
                .into_response());
        }
    };
    let mut tx = state.db.begin_write().await?;
    let id = risks::add_analysis(&mut *tx, user.org_id, &a).await?;
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "create",
            entity: "risk-analysis",
            entity_id: Some(id),
            summary: &a.title,
            before: None,
            after: Some(&a),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/risks/analyses/{id}?msg=created")).into_response())
}

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
    let decision = form.text("decision").to_owned();
    if !risk::DECISIONS.contains(&decision.as_str()) {
        e.add("decision", FieldError::Choice);
    }
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
        decision,
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
    let s = scales(&state, user.org_id, &tr).await?;
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
    if risk.decision == "treat" {
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
    let s = scales(state, user.org_id, &ctx.tr).await?;
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
        ("decision".into(), r.decision.clone()),
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
    let s = scales(&state, user.org_id, &tr).await?;
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
    if risk.decision == "treat" && risk.action_id.is_none() {
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

/// The register as an Excel workbook, with the page's filters.
pub async fn export(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
) -> Result<Response, AppError> {
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let s = scales(&state, user.org_id, &tr).await?;
    let analysis = match q.get("analysis").filter(|v| !v.is_empty()) {
        Some(a) => Some(parse_id(a)?),
        None => None,
    };
    let rows = register_rows(&state, &user, analysis, &q, &s, &lk, &tr).await?;
    let header = [
        "risk-threat",
        "risk-vulnerability",
        "risk-consequence-text",
        "risk-assets",
        "risk-before",
        "risk-value",
        "risk-measures",
        "risk-after",
        "risk-residual",
        "field-responsible",
        "risk-decision",
        "risk-analysis",
    ]
    .map(|h| tr.t(h));
    let sheet: Vec<Vec<String>> = rows
        .iter()
        .map(|(_, v)| {
            vec![
                v.threat.clone(),
                v.vulnerability.clone(),
                v.consequence_text.clone(),
                v.assets.clone(),
                v.before.clone(),
                format!("{} ({})", v.value, v.level_label),
                v.measures.clone(),
                v.after.clone(),
                format!("{} ({})", v.residual, v.residual_label),
                v.owner.clone(),
                v.decision.clone(),
                v.analysis.clone(),
            ]
        })
        .collect();
    let widths = [40.0, 30.0, 30.0, 24.0, 28.0, 14.0, 30.0, 28.0, 14.0, 20.0, 14.0, 30.0];
    let bytes = crate::web::classification::reports::workbook(&tr.t("risk-register"), &header, &widths, &sheet)?;
    Ok(crate::web::classification::reports::download_xlsx(
        bytes,
        &format!("{}-{}", text::file_stem(&tr.t("risk-register")), &crate::platform::clock::today_text()),
    ))
}

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
    let s = scales(state, user.org_id, &ctx.tr).await?;
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
    let before = scales(&state, user.org_id, &tr).await?;
    let all = risks::risks(&state.db.pool, user.org_id).await?;
    let mut e = Errors::default();
    let likelihood = e.take("likelihood", risk::scale_lines(form.text("likelihood")));
    let consequence = e.take("consequence", risk::scale_lines(form.text("consequence")));
    let used_l = all.iter().map(|r| r.likelihood.max(r.residual_likelihood)).max().unwrap_or(0);
    let used_c = all.iter().map(|r| r.consequence.max(r.residual_consequence)).max().unwrap_or(0);
    if e.0.get("likelihood").is_none() && (likelihood.len() as i64) < used_l {
        e.add("likelihood", FieldError::StepInUse { used: used_l as u8 });
    }
    if e.0.get("consequence").is_none() && (consequence.len() as i64) < used_c {
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

/// Removes an analysis and its risks; actions they made stay in the action plan.
pub async fn delete_analysis(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, .. } = posted;
    user.require(user.role.edits_all_content())?;
    let id = parse_id(&id)?;
    let a = risks::analyses(&state.db.pool, user.org_id)
        .await?
        .into_iter()
        .find(|a| a.id == id)
        .ok_or(AppError::NotFound)?;
    let gone: Vec<risks::Risk> =
        risks::risks(&state.db.pool, user.org_id).await?.into_iter().filter(|r| r.analysis_id == id).collect();
    let mut tx = state.db.begin_write().await?;
    risks::delete_analysis(&mut tx, user.org_id, id).await?;
    let before = serde_json::json!({ "analysis": a, "risks": gone });
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "delete",
            entity: "risk-analysis",
            entity_id: Some(id),
            summary: &a.title,
            before: Some(&before),
            after: None,
        },
    )
    .await?;
    tx.commit().await?;
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
    let scope_ref = match (a.scope_kind.as_deref(), a.scope_id) {
        (Some(k), Some(id)) => format!("{k}:{id}"),
        (Some(k), None) => k.to_owned(),
        _ => String::new(),
    };
    let form = FormData::from_pairs(vec![
        ("a_title".into(), a.title.clone()),
        ("a_scope_ref".into(), scope_ref),
        ("a_scope".into(), a.scope.clone()),
        ("a_held_on".into(), a.held_on.clone()),
        ("a_participants".into(), a.participants.clone().unwrap_or_default()),
        ("a_method".into(), a.method.clone().unwrap_or_default()),
    ]);
    analysis_edit_page(&state, &user, &a, &form, &Errors::default()).await
}

/// Reads the analysis form; shared by creating and changing an analysis.
async fn parse_analysis(
    state: &AppState,
    user: &CurrentUser,
    form: &FormData,
    tr: &Tr,
) -> Result<Result<risks::Analysis, Errors>, AppError> {
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut e = Errors::default();
    let title = e.take("a_title", text::Name::parse(form.text("a_title")).map(|n| n.into_string()));
    let scope_ref = form.text("a_scope_ref");
    let (scope_kind, scope_id) = if scope_ref.is_empty() {
        e.add("a_scope_ref", FieldError::Required);
        (None, None)
    } else if scope_choices(state, user.org_id, &lk, tr).await?.iter().any(|c| c.value == scope_ref) {
        match scope_ref.split_once(':') {
            Some((k, id)) => (Some(k.to_owned()), id.parse::<i64>().ok()),
            None => (Some(scope_ref.to_owned()), None),
        }
    } else {
        e.add("a_scope_ref", FieldError::Choice);
        (None, None)
    };
    let scope = e.take("a_scope", text::optional_line(form.text("a_scope"), 300)).unwrap_or_default();
    let held_on =
        e.take("a_held_on", optional_date(form.text("a_held_on")).and_then(|d| d.ok_or(FieldError::Required)));
    let participants = e.take("a_participants", text::optional_text(form.text("a_participants"), 2000));
    let method = e.take("a_method", text::optional_text(form.text("a_method"), 4000));
    if !e.is_empty() {
        return Ok(Err(e));
    }
    Ok(Ok(risks::Analysis {
        id: 0,
        title,
        scope,
        held_on,
        participants,
        method,
        created_by: user.display_name.clone(),
        scope_kind,
        scope_id,
    }))
}

pub async fn save_analysis(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    user.require(user.role.edits_all_content())?;
    let before = find_analysis(&state, &user, &id).await?;
    let mut a = match parse_analysis(&state, &user, &form, &tr).await? {
        Ok(a) => a,
        Err(e) => {
            return Ok((
                StatusCode::UNPROCESSABLE_ENTITY,
                analysis_edit_page(&state, &user, &before, &form, &e).await?,
            )
                .into_response());
        }
    };
    a.id = before.id;
    a.created_by = before.created_by.clone();
    let mut tx = state.db.begin_write().await?;
    risks::update_analysis(&mut *tx, user.org_id, &a).await?;
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "update",
            entity: "risk-analysis",
            entity_id: Some(a.id),
            summary: &a.title,
            before: Some(&before),
            after: Some(&a),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/risks/analyses/{}?msg=saved", a.id)).into_response())
}
