//! Continuity plans: the list, a new plan from a template, the plan page, editing the draft,
//! approving it, the versions and the diff between two of them, and the printed binder.

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::plan::{self, Checklist, Communication, DiffLine, Hotline, PlanContent, RoutinePlan};
use beredd_domain::{FieldError, text};

use crate::content::plan_templates::step_parts;
use crate::platform::i18n::Tr;
use crate::services::continuity::binder::{self, Scope};
use crate::services::continuity::plans::{self as builder, Registers};
use crate::store::{activities, audit, bia, dependencies, plans, suppliers, systems};
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Choice, Errors, Field, FieldKind, FormData, summary};
use crate::web::lookups::Lookups;
use crate::web::page::Ctx;
use crate::web::register::{FormPage, Query_, parse_id};

fn date_part(s: &Option<String>) -> String {
    s.as_deref().map(|d| d[..10.min(d.len())].to_owned()).unwrap_or_default()
}

/// Where a plan stands: its newest version, its newest approved one and its printed binder.
pub struct Standing {
    pub newest: Option<plans::Version>,
    pub approved: Option<plans::Version>,
    pub printed: Option<plans::Printed>,
}

impl Standing {
    pub fn review_overdue(&self, plan: &plans::Plan, today: &str) -> bool {
        self.approved.is_some() && plan.review_due.as_deref().is_some_and(|d| d < today)
    }
    /// The approved version has not been printed (or a newer one was approved since).
    pub fn binder_stale(&self) -> bool {
        match (&self.approved, &self.printed) {
            (Some(a), Some(p)) => p.version < a.number,
            (Some(_), None) => true,
            _ => false,
        }
    }
    pub fn has_draft(&self) -> bool {
        self.newest.as_ref().is_some_and(|v| v.is_draft())
    }
}

/// Every plan of the organisation with where it stands.
pub async fn standings(pool: &sqlx::AnyPool, org: i64) -> Result<Vec<(plans::Plan, Standing)>, AppError> {
    let mut conn = pool.acquire().await?;
    let all = plans::list(&mut conn, org).await?;
    let mut approved: HashMap<i64, plans::Version> =
        plans::approved_all(&mut *conn, org).await?.into_iter().map(|v| (v.plan_id, v)).collect();
    let mut printed: HashMap<i64, plans::Printed> =
        plans::printed(&mut *conn, org).await?.into_iter().map(|p| (p.plan_id, p)).collect();
    let mut newest: HashMap<i64, plans::Version> =
        plans::newest_all(&mut *conn, org).await?.into_iter().map(|v| (v.plan_id, v)).collect();
    let mut out = Vec::new();
    for p in all {
        let s =
            Standing { newest: newest.remove(&p.id), approved: approved.remove(&p.id), printed: printed.remove(&p.id) };
        out.push((p, s));
    }
    Ok(out)
}

/// Whether the user may change this plan: coordinators and admins, and unit managers when every
/// unit of the plan is in their scope.
fn may_edit(user: &CurrentUser, lk: &Lookups, units: &[i64]) -> bool {
    user.role.edits_all_content() || (!units.is_empty() && units.iter().all(|u| lk.may_edit_unit(user, *u)))
}

fn unit_names(lk: &Lookups, ids: &[i64]) -> String {
    ids.iter().map(|u| lk.unit_name(Some(*u))).collect::<Vec<_>>().join(", ")
}

// ---- The list ------------------------------------------------------------------------------

pub struct PlanRow {
    pub id: i64,
    pub name: String,
    pub units: String,
    pub status: String,
    pub review: String,
    pub review_overdue: bool,
    pub binder: String,
    pub binder_stale: bool,
}

pub struct PrintRow {
    pub scope: String,
    pub by: String,
    pub at: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "continuity/plans/list.html")]
pub struct ListPage {
    pub ctx: Ctx,
    pub rows: Vec<PlanRow>,
    pub may_create: bool,
    pub units: Vec<Choice>,
    pub prints: Vec<PrintRow>,
}

pub fn status_text(tr: &Tr, s: &Standing) -> String {
    match (&s.approved, s.has_draft()) {
        (Some(a), true) => format!("{} · {}", tr.tn("plan-status-approved", a.number), tr.t("plan-status-draft-open")),
        (Some(a), false) => tr.tn("plan-status-approved", a.number),
        (None, _) => tr.t("plan-status-draft"),
    }
}

pub fn binder_text(tr: &Tr, s: &Standing) -> String {
    match (&s.approved, &s.printed) {
        (None, _) => String::new(),
        (Some(_), None) => tr.t("plan-binder-never"),
        (Some(a), Some(p)) if p.version < a.number => tr.tn("plan-binder-stale", p.version),
        (Some(_), Some(p)) => tr.ts("plan-binder-current", "date", &p.printed_at[..10.min(p.printed_at.len())]),
    }
}

pub async fn list(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
) -> Result<ListPage, AppError> {
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut ctx = Ctx::new(&state, &user, "/plans", String::new()).with_flash(q.get("msg").map(String::as_str));
    ctx.title = ctx.tr.t("plans-title");
    let today = crate::platform::clock::today_text();
    let rows = standings(&state.db.pool, user.org_id)
        .await?
        .into_iter()
        .map(|(p, s)| PlanRow {
            id: p.id,
            units: unit_names(&lk, &p.unit_ids),
            status: status_text(&ctx.tr, &s),
            review: p.review_due.clone().unwrap_or_default(),
            review_overdue: s.review_overdue(&p, &today),
            binder: binder_text(&ctx.tr, &s),
            binder_stale: s.binder_stale(),
            name: p.name,
        })
        .collect();
    let prints = plans::prints(&state.db.pool, user.org_id, 10)
        .await?
        .into_iter()
        .map(|p| PrintRow {
            scope: p.scope_name,
            by: p.printed_by,
            at: p.printed_at.replace('T', " ").trim_end_matches('Z').to_owned(),
        })
        .collect();
    let mut units = vec![Choice { value: String::new(), label: ctx.tr.t("binder-whole-org"), depth: 0 }];
    units.extend(lk.unit_choices(None));
    Ok(ListPage { rows, may_create: user.role.edits_all_content() || !user.granted.is_empty(), units, prints, ctx })
}

// ---- A new plan ----------------------------------------------------------------------------

fn new_fields(
    form: &FormData,
    errors: &Errors,
    lk: &Lookups,
    user: &CurrentUser,
    state: &AppState,
    tr: &Tr,
) -> Vec<Field> {
    let templates: Vec<Choice> =
        state.plan_templates.iter().map(|t| Choice { value: t.id.clone(), label: t.name.clone(), depth: 0 }).collect();
    vec![
        Field::new("name", tr.t("field-plan-name"), FieldKind::Text, form, errors, tr)
            .required()
            .maxlength(200)
            .hint(tr.t("hint-plan-name")),
        Field::new("template", tr.t("field-plan-template"), FieldKind::Radio, form, errors, tr)
            .required()
            .choices(templates)
            .hint(tr.t("hint-plan-template")),
        Field::new("units", tr.t("field-plan-units"), FieldKind::MultiCheck, form, errors, tr)
            .required()
            .choices(lk.editable_unit_choices(user, None))
            .hint(tr.t("hint-plan-units")),
    ]
}

/// The new-plan form: the shared form page with its own submit label.
fn simple_form(ctx: Ctx, action: String, cancel: String, fields: Vec<Field>, submit: String) -> FormPage {
    FormPage { submit, ..FormPage::new(ctx, action, cancel, fields) }
}

pub async fn new_form(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
) -> Result<FormPage, AppError> {
    user.require(user.role.edits_all_content() || !user.granted.is_empty())?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut form = FormData::default();
    if let Some(t) = q.get("template") {
        form.set("template", t.clone());
    }
    if let Some(u) = q.get("unit").and_then(|u| u.parse::<i64>().ok()).and_then(|u| lk.unit(u)) {
        form.set("units", u.id.to_string());
        form.set("name", Tr::new(state.catalog.clone(), user.lang).ts("plan-default-name", "unit", &u.name));
    }
    let mut ctx = Ctx::new(&state, &user, "/plans", String::new());
    ctx.title = ctx.tr.t("plans-new");
    let fields = new_fields(&form, &Errors::default(), &lk, &user, &state, &ctx.tr);
    let submit = ctx.tr.t("plans-create");
    Ok(simple_form(ctx, "/plans/new".into(), "/plans".into(), fields, submit))
}

/// The registers a draft is built from.
async fn registers_data(
    state: &AppState,
    org: i64,
) -> Result<
    (Vec<activities::Activity>, Vec<dependencies::Dependency>, Vec<systems::System>, Vec<suppliers::Supplier>),
    AppError,
> {
    let pool = &state.db.pool;
    Ok((
        activities::list(pool, org).await?,
        dependencies::list(pool, org).await?,
        systems::list(pool, org).await?,
        suppliers::list(pool, org).await?,
    ))
}

fn parse_units(form: &FormData, lk: &Lookups, user: &CurrentUser, e: &mut Errors) -> Vec<i64> {
    let mut units = Vec::new();
    for v in form.all("units") {
        match v.parse::<i64>().ok().filter(|id| lk.unit(*id).is_some()) {
            Some(id) if lk.may_edit_unit(user, id) => units.push(id),
            Some(_) => e.add("units", FieldError::Choice),
            None => e.add("units", FieldError::Missing),
        }
    }
    if units.is_empty() {
        e.add("units", FieldError::Required);
    }
    units.sort();
    units.dedup();
    units
}

pub async fn create(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    user.require(user.role.edits_all_content() || !user.granted.is_empty())?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut e = Errors::default();
    let name = e.take("name", text::Name::parse(form.text("name")).map(|n| n.into_string()));
    let template = state.plan_templates.iter().find(|t| t.id == form.text("template"));
    if template.is_none() {
        e.add("template", if form.text("template").is_empty() { FieldError::Required } else { FieldError::Choice });
    }
    let units = parse_units(&form, &lk, &user, &mut e);
    if e.is_empty() && plans::name_taken(&state.db.pool, user.org_id, &name, None).await? {
        e.add("name", FieldError::Duplicate);
    }
    let Some(template) = template.filter(|_| e.is_empty()) else {
        let mut ctx = Ctx::new(&state, &user, "/plans", String::new());
        ctx.title = ctx.tr.t("plans-new");
        let fields = new_fields(&form, &e, &lk, &user, &state, &ctx.tr);
        let submit = ctx.tr.t("plans-create");
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            simple_form(ctx, "/plans/new".into(), "/plans".into(), fields, submit),
        )
            .into_response());
    };
    let (acts, deps, syss, sups) = registers_data(&state, user.org_id).await?;
    let regs = Registers {
        units: &lk.units,
        activities: &acts,
        people: &lk.people,
        dependencies: &deps,
        systems: &syss,
        suppliers: &sups,
    };
    let content = builder::draft(template, &regs, &units);
    let mut tx = state.db.begin_write().await?;
    let id =
        plans::create(&mut tx, user.org_id, &name, Some(&template.id), &units, &content, &user.display_name).await?;
    let after = plans::version(&mut *tx, user.org_id, id, 1).await?;
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "create",
            entity: "plan",
            entity_id: Some(id),
            summary: &name,
            before: None,
            after: after.as_ref(),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/plans/{id}?msg=created")).into_response())
}

// ---- The plan page -------------------------------------------------------------------------

pub struct StepView {
    pub role: Option<String>,
    pub text: String,
}

pub struct RoutineView {
    pub r: RoutinePlan,
    pub facts: String,
    pub steps: Vec<StepView>,
}

pub struct VersionRow {
    pub number: i64,
    pub status: String,
    pub created: String,
    pub approved: String,
    pub note: String,
    /// The link text to the diff with the version before, empty for the first.
    pub compare: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "continuity/plans/show.html")]
pub struct ShowPage {
    pub ctx: Ctx,
    pub id: i64,
    pub units: String,
    pub review_due: String,
    pub version: plans::Version,
    pub version_label: String,
    pub is_newest: bool,
    pub content: PlanContent,
    pub routines: Vec<RoutineView>,
    pub warnings: Vec<String>,
    /// What keeps the draft from being approved (shown when it is the draft on view).
    pub gaps: Vec<String>,
    pub error_summary: Vec<(String, String)>,
    pub may_edit: bool,
    pub may_delete: bool,
    pub can_approve: bool,
    pub has_approved: bool,
    pub versions: Vec<VersionRow>,
}

impl ShowPage {
    pub fn tel(&self, phone: &str) -> String {
        text::tel_uri(phone)
    }
}

pub fn gap_texts(tr: &Tr, c: &PlanContent) -> Vec<String> {
    c.gaps()
        .iter()
        .map(|g| match g {
            plan::Gap::RoutineIncomplete(a) => tr.ts(g.message_id(), "activity", a),
            g => tr.t(g.message_id()),
        })
        .collect()
}

async fn show_page(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
    number: Option<i64>,
    errors: Vec<String>,
) -> Result<ShowPage, AppError> {
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut conn = state.db.pool.acquire().await?;
    let plan = plans::get(&mut conn, user.org_id, id).await?.ok_or(AppError::NotFound)?;
    let all = plans::versions(&mut *conn, user.org_id, id).await?;
    drop(conn);
    let newest = all.first().cloned().ok_or(AppError::NotFound)?;
    let version = match number {
        Some(n) => all.iter().find(|v| v.number == n).cloned().ok_or(AppError::NotFound)?,
        None => newest.clone(),
    };
    let content = version.content()?;
    let standing = standings(&state.db.pool, user.org_id)
        .await?
        .into_iter()
        .find(|(p, _)| p.id == id)
        .map(|(_, s)| s)
        .ok_or(AppError::NotFound)?;
    let mut ctx = Ctx::new(state, user, "/plans", plan.name.clone());
    let tr = &ctx.tr;
    let version_label = if version.is_draft() {
        tr.ts("plan-version-draft", "number", &version.number.to_string())
            + &format!(" ({}, {})", version.updated_by, date_part(&Some(version.updated_at.clone())))
    } else {
        tr.ts("plan-version-approved", "number", &version.number.to_string())
            + &format!(" ({}, {})", version.approved_by.clone().unwrap_or_default(), date_part(&version.approved_at))
    };
    let today = crate::platform::clock::today_text();
    let mut warnings = Vec::new();
    if standing.review_overdue(&plan, &today) {
        warnings.push(tr.ts("plan-warn-review", "date", plan.review_due.as_deref().unwrap_or("")));
    }
    if standing.binder_stale() {
        warnings.push(binder_text(tr, &standing));
    }
    if standing.approved.is_none() {
        warnings.push(tr.t("plan-warn-not-approved"));
    }
    let pool = &state.db.pool;
    let bias: HashMap<i64, bia::Bia> =
        bia::list(pool, user.org_id).await?.into_iter().map(|b| (b.activity_id, b)).collect();
    let deps = dependencies::list(pool, user.org_id).await?;
    let system_names: HashMap<i64, String> =
        systems::list(pool, user.org_id).await?.into_iter().map(|s| (s.id, s.name)).collect();
    let routines = content
        .routines
        .iter()
        .map(|r| RoutineView {
            facts: binder::facts(tr, r.activity_id, &bias, &deps, &system_names),
            steps: r
                .steps
                .iter()
                .map(|s| {
                    let (role, text) = step_parts(s);
                    StepView { role: role.map(str::to_owned), text: text.to_owned() }
                })
                .collect(),
            r: r.clone(),
        })
        .collect();
    let is_newest = version.number == newest.number;
    let gaps = if version.is_draft() { gap_texts(tr, &content) } else { Vec::new() };
    let versions = all
        .iter()
        .map(|v| VersionRow {
            number: v.number,
            status: if v.is_draft() { tr.t("plan-draft") } else { tr.t("plan-approved") },
            created: format!("{}, {}", v.created_by, date_part(&Some(v.created_at.clone()))),
            approved: v.approved_by.as_ref().map(|b| format!("{b}, {}", date_part(&v.approved_at))).unwrap_or_default(),
            note: v.change_note.clone().unwrap_or_default(),
            compare: if v.number > 1 { tr.tn("plan-compare-with", v.number - 1) } else { String::new() },
        })
        .collect();
    let editable = may_edit(user, &lk, &plan.unit_ids);
    let error_summary: Vec<(String, String)> = errors.into_iter().map(|e| ("approve".to_owned(), e)).collect();
    if !error_summary.is_empty() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    Ok(ShowPage {
        id,
        units: unit_names(&lk, &plan.unit_ids),
        review_due: plan.review_due.clone().unwrap_or_default(),
        can_approve: editable && version.is_draft() && is_newest && gaps.is_empty(),
        has_approved: standing.approved.is_some(),
        version_label,
        is_newest,
        version,
        content,
        routines,
        warnings,
        gaps,
        error_summary,
        may_edit: editable,
        may_delete: user.role.edits_all_content(),
        versions,
        ctx,
    })
}

pub async fn show(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<Query_>,
) -> Result<ShowPage, AppError> {
    let id = parse_id(&id)?;
    let number = match q.get("version") {
        Some(v) => Some(v.parse::<i64>().map_err(|_| AppError::NotFound)?),
        None => None,
    };
    let mut page = show_page(&state, &user, id, number, Vec::new()).await?;
    page.ctx.set_flash(q.get("msg").map(String::as_str));
    if q.get("msg").map(String::as_str) == Some("approved") {
        page.ctx.flash = Some(page.ctx.tr.t("flash-plan-approved"));
    }
    Ok(page)
}

// ---- Approving -----------------------------------------------------------------------------

pub async fn approve(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    let id = parse_id(&id)?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut tx = state.db.begin_write().await?;
    let plan = plans::get(&mut tx, user.org_id, id).await?.ok_or(AppError::NotFound)?;
    user.require(may_edit(&user, &lk, &plan.unit_ids))?;
    let newest = plans::versions(&mut *tx, user.org_id, id).await?.into_iter().next().ok_or(AppError::NotFound)?;
    // The version the user looked at must still be the open draft.
    let seen = form.text("version").parse::<i64>().ok();
    let problems = if !newest.is_draft() || seen != Some(newest.number) {
        vec![tr.t("plan-approve-stale")]
    } else {
        gap_texts(&tr, &newest.content()?)
    };
    if !problems.is_empty() {
        drop(tx);
        let page = show_page(&state, &user, id, None, problems).await?;
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let review_due = builder::one_year_after(&crate::platform::clock::today_text());
    plans::approve(&mut tx, user.org_id, id, newest.number, &user.display_name, &review_due).await?;
    let after = plans::version(&mut *tx, user.org_id, id, newest.number).await?;
    let summary = format!("{} ({})", plan.name, tr.tn("binder-version-n", newest.number));
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "approve",
            entity: "plan",
            entity_id: Some(id),
            summary: &summary,
            before: Some(&newest),
            after: after.as_ref(),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/plans/{id}?msg=approved")).into_response())
}

// ---- Editing the draft ---------------------------------------------------------------------

/// One fallback routine's fields in the editor.
pub struct RoutineBlock {
    pub index: usize,
    pub legend: String,
    pub activity_id: String,
    pub fields: Vec<Field>,
}

pub struct ChecklistBlock {
    pub index: usize,
    pub legend: String,
    pub fields: Vec<Field>,
}

#[derive(Template, WebTemplate)]
#[template(path = "continuity/plans/edit.html")]
pub struct EditPage {
    pub ctx: Ctx,
    pub id: i64,
    pub error_summary: Vec<(String, String)>,
    pub notice: Option<String>,
    pub head: Vec<Field>,
    pub lead: Vec<Field>,
    pub routines: Vec<RoutineBlock>,
    pub routine_count: usize,
    pub contacts: Vec<Field>,
    pub hotline: Vec<Field>,
    pub communication: Vec<Field>,
    pub checklists: Vec<ChecklistBlock>,
    pub checklist_count: usize,
}

/// The form's values for a stored content (and the plan's name, units and review date).
fn form_from(plan: &plans::Plan, c: &PlanContent, note: &str) -> FormData {
    let mut f = FormData::default();
    f.set("name", plan.name.clone());
    for u in &plan.unit_ids {
        f.push("units", u.to_string());
    }
    f.set("review_due", plan.review_due.clone().unwrap_or_default());
    f.set("change_note", note);
    f.set("lead", c.lead.clone());
    f.set("routines", (c.routines.len() + 1).to_string());
    for (i, r) in c.routines.iter().enumerate() {
        f.set(&format!("r{i}_activity_id"), r.activity_id.map(|a| a.to_string()).unwrap_or_default());
        f.set(&format!("r{i}_activity"), r.activity.clone());
        f.set(&format!("r{i}_trigger"), r.trigger.clone());
        f.set(&format!("r{i}_steps"), r.steps.join("\n"));
        f.set(&format!("r{i}_resources"), r.resources.join("\n"));
        f.set(&format!("r{i}_switch_back"), r.switch_back.clone());
        f.set(&format!("r{i}_reentry"), r.reentry.join("\n"));
    }
    f.set("call_list", plan::call_list_text(&c.call_list));
    f.set("externals", plan::externals_text(&c.externals));
    f.set("hotline_number", c.hotline.number.clone());
    f.set("hotline_hours", c.hotline.hours.clone());
    f.set("hotline_answered_by", c.hotline.answered_by.clone());
    f.set("hotline_script", c.hotline.script.clone());
    f.set("comm_web", c.communication.web.clone());
    f.set("comm_hotline", c.communication.hotline.clone());
    f.set("comm_media", c.communication.media.clone());
    f.set("comm_spokesperson", c.communication.spokesperson.clone());
    f.set("checklists", (c.checklists.len() + 1).to_string());
    for (i, cl) in c.checklists.iter().enumerate() {
        f.set(&format!("c{i}_title"), cl.title.clone());
        f.set(&format!("c{i}_items"), cl.items.join("\n"));
    }
    f
}

/// How many blocks the form holds (bounded, so a forged form cannot ask for millions).
fn count(form: &FormData, name: &str) -> usize {
    form.text(name).parse::<usize>().unwrap_or(0).min(60)
}

const LONG: usize = 4000;

/// Reads the posted form into content; errors are keyed by field name.
fn parse(form: &FormData, e: &mut Errors) -> PlanContent {
    let text_field = |e: &mut Errors, name: &str| {
        e.take(name.to_owned(), text::optional_text(form.text(name), LONG)).unwrap_or_default()
    };
    let lead = text_field(e, "lead");
    let mut routines = Vec::new();
    for i in 0..count(form, "routines") {
        let k = |f: &str| format!("r{i}_{f}");
        if form.checked(&k("remove")) {
            continue;
        }
        let activity = e.take(k("activity"), text::optional_line(form.text(&k("activity")), 200)).unwrap_or_default();
        let trigger = text_field(e, &k("trigger"));
        let switch_back = text_field(e, &k("switch_back"));
        let list = |e: &mut Errors, f: &str| e.take(k(f), plan::lines(form.text(&k(f)), 600).map_err(FieldError::from));
        let steps = list(e, "steps");
        let resources = list(e, "resources");
        let reentry = list(e, "reentry");
        let empty = trigger.is_empty()
            && switch_back.is_empty()
            && steps.is_empty()
            && resources.is_empty()
            && reentry.is_empty();
        if activity.is_empty() {
            if !empty {
                e.add(k("activity"), FieldError::Required);
            }
            continue;
        }
        let activity_id = form.text(&k("activity_id")).parse::<i64>().ok();
        routines.push(RoutinePlan { activity_id, activity, trigger, switch_back, steps, resources, reentry });
    }
    let call_list = e.take("call_list", plan::parse_call_list(form.text("call_list")).map_err(FieldError::from));
    let externals = e.take("externals", plan::parse_externals(form.text("externals")).map_err(FieldError::from));
    let number = e.take("hotline_number", text::optional_phone(form.text("hotline_number"))).unwrap_or_default();
    let hotline = Hotline {
        number,
        hours: text_field(e, "hotline_hours"),
        answered_by: text_field(e, "hotline_answered_by"),
        script: text_field(e, "hotline_script"),
    };
    let communication = Communication {
        web: text_field(e, "comm_web"),
        hotline: text_field(e, "comm_hotline"),
        media: text_field(e, "comm_media"),
        spokesperson: text_field(e, "comm_spokesperson"),
    };
    let mut checklists = Vec::new();
    for i in 0..count(form, "checklists") {
        let k = |f: &str| format!("c{i}_{f}");
        if form.checked(&k("remove")) {
            continue;
        }
        let title = e.take(k("title"), text::optional_line(form.text(&k("title")), 200)).unwrap_or_default();
        let items = e.take(k("items"), plan::lines(form.text(&k("items")), 600).map_err(FieldError::from));
        if title.is_empty() {
            if !items.is_empty() {
                e.add(k("title"), FieldError::Required);
            }
            continue;
        }
        checklists.push(Checklist { title, items });
    }
    PlanContent { lead, routines, call_list, externals, hotline, communication, checklists }
}

fn edit_page(
    state: &AppState,
    user: &CurrentUser,
    id: i64,
    form: &FormData,
    e: &Errors,
    lk: &Lookups,
    notice: Option<String>,
) -> EditPage {
    let mut ctx = Ctx::new(state, user, "/plans", String::new());
    ctx.title = ctx.tr.ts("plans-edit", "name", form.text("name"));
    let tr = &ctx.tr;
    let f = |name: &str, label: &str, kind: FieldKind| Field::new(name.to_owned(), tr.t(label), kind, form, e, tr);
    let head = vec![
        f("name", "field-plan-name", FieldKind::Text).required().maxlength(200),
        f("units", "field-plan-units", FieldKind::MultiCheck).required().choices(lk.editable_unit_choices(user, None)),
        f("review_due", "field-review-due", FieldKind::Text).maxlength(10).hint(tr.t("hint-review-due")),
        f("change_note", "field-change-note", FieldKind::Text).maxlength(500).hint(tr.t("hint-change-note")),
    ];
    let lead = vec![f("lead", "plan-lead", FieldKind::TextArea).maxlength(LONG).hint(tr.t("hint-plan-lead"))];
    let routine_count = count(form, "routines").max(1);
    let routines: Vec<RoutineBlock> = (0..routine_count)
        .map(|i| {
            let k = |x: &str| format!("r{i}_{x}");
            let name = form.text(&k("activity"));
            RoutineBlock {
                index: i,
                legend: if name.is_empty() {
                    tr.t("plan-new-routine")
                } else {
                    tr.ts("plan-routine-for", "activity", name)
                },
                activity_id: form.text(&k("activity_id")).to_owned(),
                fields: vec![
                    f(&k("activity"), "field-routine-activity", FieldKind::Text).maxlength(200),
                    f(&k("trigger"), "plan-trigger", FieldKind::TextArea).maxlength(LONG).hint(tr.t("hint-trigger")),
                    f(&k("steps"), "plan-steps", FieldKind::TextArea).hint(tr.t("hint-steps")),
                    f(&k("resources"), "plan-resources", FieldKind::TextArea).hint(tr.t("hint-one-per-line")),
                    f(&k("switch_back"), "plan-switch-back", FieldKind::TextArea).maxlength(LONG),
                    f(&k("reentry"), "plan-reentry", FieldKind::TextArea).hint(tr.t("hint-one-per-line")),
                    f(&k("remove"), "field-remove-routine", FieldKind::Checkbox),
                ],
            }
        })
        .collect();
    let contacts = vec![
        f("call_list", "plan-call-list", FieldKind::TextArea).hint(tr.t("hint-call-list")),
        f("refresh_call_list", "plan-refresh-call-list", FieldKind::Checkbox).hint(tr.t("hint-refresh-call-list")),
        f("externals", "plan-externals", FieldKind::TextArea).hint(tr.t("hint-externals")),
    ];
    let hotline = vec![
        f("hotline_number", "plan-hotline-number", FieldKind::Tel).maxlength(30),
        f("hotline_hours", "plan-hotline-hours", FieldKind::TextArea).maxlength(LONG),
        f("hotline_answered_by", "plan-hotline-answered-by", FieldKind::TextArea).maxlength(LONG),
        f("hotline_script", "plan-hotline-script", FieldKind::TextArea).maxlength(LONG),
    ];
    let communication = vec![
        f("comm_spokesperson", "plan-comm-spokesperson", FieldKind::TextArea).maxlength(LONG),
        f("comm_web", "plan-comm-web", FieldKind::TextArea).maxlength(LONG),
        f("comm_hotline", "plan-comm-hotline", FieldKind::TextArea).maxlength(LONG),
        f("comm_media", "plan-comm-media", FieldKind::TextArea).maxlength(LONG),
    ];
    let checklist_count = count(form, "checklists").max(1);
    let checklists: Vec<ChecklistBlock> = (0..checklist_count)
        .map(|i| {
            let k = |x: &str| format!("c{i}_{x}");
            let title = form.text(&k("title"));
            ChecklistBlock {
                index: i,
                legend: if title.is_empty() { tr.t("plan-new-checklist") } else { title.to_owned() },
                fields: vec![
                    f(&k("title"), "field-checklist-title", FieldKind::Text).maxlength(200),
                    f(&k("items"), "field-checklist-items", FieldKind::TextArea).hint(tr.t("hint-one-per-line")),
                    f(&k("remove"), "field-remove-checklist", FieldKind::Checkbox),
                ],
            }
        })
        .collect();
    let mut all: Vec<Field> = head.iter().chain(&lead).cloned().collect();
    for r in &routines {
        all.extend(r.fields.iter().cloned());
    }
    all.extend(contacts.iter().chain(&hotline).chain(&communication).cloned());
    for c in &checklists {
        all.extend(c.fields.iter().cloned());
    }
    let error_summary = summary(&all);
    if !error_summary.is_empty() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    EditPage {
        ctx,
        id,
        error_summary,
        notice,
        head,
        lead,
        routines,
        routine_count,
        contacts,
        hotline,
        communication,
        checklists,
        checklist_count,
    }
}

async fn editable(state: &AppState, user: &CurrentUser, id: &str) -> Result<(plans::Plan, Lookups), AppError> {
    let id = parse_id(id)?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut conn = state.db.pool.acquire().await?;
    let plan = plans::get(&mut conn, user.org_id, id).await?.ok_or(AppError::NotFound)?;
    user.require(may_edit(user, &lk, &plan.unit_ids))?;
    Ok((plan, lk))
}

pub async fn edit_form(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<EditPage, AppError> {
    let (plan, lk) = editable(&state, &user, &id).await?;
    let newest =
        plans::versions(&state.db.pool, user.org_id, plan.id).await?.into_iter().next().ok_or(AppError::NotFound)?;
    let note = if newest.is_draft() { newest.change_note.clone().unwrap_or_default() } else { String::new() };
    let form = form_from(&plan, &newest.content()?, &note);
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let notice = if newest.is_draft() { None } else { Some(tr.tn("plan-edit-new-draft", newest.number + 1)) };
    Ok(edit_page(&state, &user, plan.id, &form, &Errors::default(), &lk, notice))
}

pub async fn save(State(state): State<AppState>, Path(id): Path<String>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, mut form, tr } = posted;
    let (plan, lk) = editable(&state, &user, &id).await?;
    // "Fill the call list from the staff register" re-shows the form with the list replaced.
    if form.checked("refresh_call_list") {
        let units = parse_units(&form, &lk, &user, &mut Errors::default());
        let regs = Registers {
            units: &lk.units,
            activities: &[],
            people: &lk.people,
            dependencies: &[],
            systems: &[],
            suppliers: &[],
        };
        form.set("call_list", plan::call_list_text(&builder::call_list(&regs, &units)));
        form.set("refresh_call_list", "");
        let page =
            edit_page(&state, &user, plan.id, &form, &Errors::default(), &lk, Some(tr.t("plan-call-list-refreshed")));
        return Ok(page.into_response());
    }
    let mut e = Errors::default();
    let name = e.take("name", text::Name::parse(form.text("name")).map(|n| n.into_string()));
    let units = parse_units(&form, &lk, &user, &mut e);
    let review_due = e.take("review_due", beredd_domain::text::optional_date(form.text("review_due")));
    let note = e.take("change_note", text::optional_line(form.text("change_note"), 500));
    let content = parse(&form, &mut e);
    if e.is_empty() && plans::name_taken(&state.db.pool, user.org_id, &name, Some(plan.id)).await? {
        e.add("name", FieldError::Duplicate);
    }
    if !e.is_empty() {
        return Ok(
            (StatusCode::UNPROCESSABLE_ENTITY, edit_page(&state, &user, plan.id, &form, &e, &lk, None)).into_response()
        );
    }
    let mut tx = state.db.begin_write().await?;
    let before = plans::versions(&mut *tx, user.org_id, plan.id).await?.into_iter().next();
    plans::update_plan(&mut *tx, user.org_id, plan.id, &name, review_due.as_deref()).await?;
    plans::set_units(&mut tx, plan.id, &units).await?;
    let number =
        plans::save_draft(&mut tx, user.org_id, plan.id, &content, note.as_deref(), &user.display_name).await?;
    let after = plans::version(&mut *tx, user.org_id, plan.id, number).await?;
    let summary = format!("{} ({})", name, tr.tn("binder-version-n", number));
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "update",
            entity: "plan",
            entity_id: Some(plan.id),
            summary: &summary,
            before: before.as_ref(),
            after: after.as_ref(),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/plans/{}?msg=saved", plan.id)).into_response())
}

// ---- Deleting ------------------------------------------------------------------------------

pub async fn delete(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, .. } = posted;
    user.require(user.role.edits_all_content())?;
    let id = parse_id(&id)?;
    let mut tx = state.db.begin_write().await?;
    let plan = plans::get(&mut tx, user.org_id, id).await?.ok_or(AppError::NotFound)?;
    plans::delete(&mut *tx, user.org_id, id).await?;
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "delete",
            entity: "plan",
            entity_id: Some(id),
            summary: &plan.name,
            before: Some(&plan),
            after: None::<&plans::Plan>,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to("/plans?msg=deleted").into_response())
}

// ---- Versions and the diff -----------------------------------------------------------------

pub struct DiffRow {
    /// "same", "added" or "removed".
    pub kind: &'static str,
    pub text: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "continuity/plans/diff.html")]
pub struct DiffPage {
    pub ctx: Ctx,
    pub id: i64,
    pub numbers: Vec<i64>,
    pub from: i64,
    pub to: i64,
    pub rows: Vec<DiffRow>,
    /// "3 lines added. 1 line removed."
    pub summary: String,
}

/// The section names the diff labels each line with, in the reader's language.
fn section_label(tr: &Tr, key: &str) -> String {
    tr.t(&format!("plan-line-{key}"))
}

pub async fn diff(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<Query_>,
) -> Result<DiffPage, AppError> {
    let id = parse_id(&id)?;
    let mut conn = state.db.pool.acquire().await?;
    let plan = plans::get(&mut conn, user.org_id, id).await?.ok_or(AppError::NotFound)?;
    let all = plans::versions(&mut *conn, user.org_id, id).await?;
    drop(conn);
    let numbers: Vec<i64> = all.iter().map(|v| v.number).collect();
    let newest = numbers.first().copied().ok_or(AppError::NotFound)?;
    let pick = |k: &str, default: i64| -> Result<i64, AppError> {
        match q.get(k) {
            Some(v) => v.parse::<i64>().ok().filter(|n| numbers.contains(n)).ok_or(AppError::NotFound),
            None => Ok(default),
        }
    };
    let to = pick("to", newest)?;
    let from = pick("from", (to - 1).max(1))?;
    let get = |n: i64| all.iter().find(|v| v.number == n).ok_or(AppError::NotFound);
    let (old, new) = (get(from)?.content()?, get(to)?.content()?);
    let mut ctx = Ctx::new(&state, &user, "/plans", String::new());
    ctx.title = ctx.tr.ts("plan-diff-title", "name", &plan.name);
    let (a, b) = (old.to_lines(|k| section_label(&ctx.tr, k)), new.to_lines(|k| section_label(&ctx.tr, k)));
    let rows: Vec<DiffRow> = plan::diff(&a, &b)
        .into_iter()
        .map(|d| match d {
            DiffLine::Same(t) => DiffRow { kind: "same", text: t.to_owned() },
            DiffLine::Added(t) => DiffRow { kind: "added", text: t.to_owned() },
            DiffLine::Removed(t) => DiffRow { kind: "removed", text: t.to_owned() },
        })
        .collect();
    let added = rows.iter().filter(|r| r.kind == "added").count();
    let removed = rows.iter().filter(|r| r.kind == "removed").count();
    let summary =
        format!("{} {}", ctx.tr.tn("plan-diff-added", added as i64), ctx.tr.tn("plan-diff-removed", removed as i64));
    Ok(DiffPage { ctx, id, numbers, from, to, rows, summary })
}

// ---- The binder ----------------------------------------------------------------------------

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
    let b = binder::prepare(
        &state.db.pool,
        &tr,
        user.org_id,
        scope,
        &user.display_name,
        &crate::platform::clock::today_text(),
    )
    .await?
    .ok_or(AppError::NotFound)?;
    let b = tokio::task::spawn_blocking(move || binder::render(&b).map(|pdf| (b, pdf)))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let (b, pdf) = b;
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
