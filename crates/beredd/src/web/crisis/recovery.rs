//! Recovery after an incident: each unit's backlog of paper documentation to enter, progress per
//! unit and system, a burn-down chart (SVG drawn on the server, with the same figures in a
//! table), the forecast of when the backlog reaches zero, what is overdue, the capacity estimate
//! (how many days catching up takes with the staff hours set aside; counted, not stored), and
//! systems coming back one by one (recorded in the log with the fallback routines switched back).

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::recovery;
use beredd_domain::text;

use super::{Head, head_for};
use crate::platform::clock::{self, Day};
use crate::platform::i18n::Tr;
use crate::services::crisis::recovery::{self as changes, Outlook};
use crate::store::incidents::{self, BacklogItem};
use crate::store::systems;
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Choice, Errors, Field, FieldKind, FormData, summary};
use crate::web::lookups::Lookups;
use crate::web::page::Ctx;
use crate::web::register::parse_id;

use crate::services::crisis::recovery::{BacklogKind, BacklogPriority};
use crate::web::lookups::vocabulary_choices;

pub struct ItemView {
    pub id: i64,
    pub unit: String,
    pub system: String,
    pub kind: String,
    pub description: String,
    pub total: i64,
    pub done: i64,
    pub percent: i64,
    pub assignee: String,
    pub priority: String,
    pub deadline: String,
    pub overdue: bool,
}

pub use crate::services::crisis::recovery::Sum as Summary;

#[derive(Template, WebTemplate)]
#[template(path = "crisis/recovery.html")]
pub struct RecoveryPage {
    pub ctx: Ctx,
    pub h: Head,
    pub items: Vec<ItemView>,
    pub per_unit: Vec<Summary>,
    pub per_system: Vec<Summary>,
    pub series: Vec<(Day, i64)>,
    pub svg_points: String,
    pub svg_max: i64,
    pub forecast: String,
    pub catch_up_fields: Vec<Field>,
    /// The capacity estimate in words, once counted.
    pub catch_up: Vec<String>,
    pub fields: Vec<Field>,
    pub restore_fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
    pub may_write: bool,
}

fn fields(form: &FormData, e: &Errors, lk: &Lookups, systems: &[systems::System], tr: &Tr) -> Vec<Field> {
    let kinds = vocabulary_choices(BacklogKind::ALL, BacklogKind::code, BacklogKind::label_id, tr);
    let priorities = vocabulary_choices(BacklogPriority::ALL, BacklogPriority::code, BacklogPriority::label_id, tr);
    let mut sys = vec![Choice { value: String::new(), label: tr.t("choice-none"), depth: 0 }];
    sys.extend(systems.iter().map(|s| Choice { value: s.id.to_string(), label: s.name.clone(), depth: 0 }));
    vec![
        Field::new("unit", tr.t("field-unit"), FieldKind::Select, form, e, tr)
            .required()
            .choices(lk.unit_choices(None)),
        Field::new("system", tr.t("backlog-field-system"), FieldKind::Select, form, e, tr).choices(sys),
        Field::new("kind", tr.t("backlog-field-kind"), FieldKind::Select, form, e, tr).required().choices(kinds),
        Field::new("description", tr.t("backlog-field-description"), FieldKind::Text, form, e, tr).maxlength(300),
        Field::new("total", tr.t("backlog-field-total"), FieldKind::Number, form, e, tr)
            .required()
            .hint(tr.t("backlog-hint-total")),
        Field::new("assignee", tr.t("backlog-field-assignee"), FieldKind::Text, form, e, tr).maxlength(200),
        Field::new("priority", tr.t("backlog-field-priority"), FieldKind::Select, form, e, tr)
            .required()
            .choices(priorities),
        Field::new("deadline", tr.t("backlog-field-deadline"), FieldKind::Text, form, e, tr)
            .maxlength(10)
            .hint(tr.t("hint-date")),
    ]
}

fn restore_fields(form: &FormData, e: &Errors, systems: &[systems::System], tr: &Tr) -> Vec<Field> {
    let sys = systems.iter().map(|s| Choice { value: s.id.to_string(), label: s.name.clone(), depth: 0 }).collect();
    vec![
        Field::new("restored_system", tr.t("restore-field-system"), FieldKind::Select, form, e, tr)
            .required()
            .choices(sys),
        Field::new("restored_at", tr.t("restore-field-at"), FieldKind::Text, form, e, tr)
            .maxlength(32)
            .hint(tr.t("incident-hint-occurred")),
        Field::new("switched_back", tr.t("restore-field-routines"), FieldKind::TextArea, form, e, tr)
            .maxlength(2000)
            .hint(tr.t("restore-hint-routines")),
    ]
}

fn item_view(i: &BacklogItem, tr: &Tr, unit: String, system: String, today: Day) -> ItemView {
    ItemView {
        id: i.id,
        unit,
        system,
        kind: tr.t(i.kind.label_id()),
        description: i.description.clone().unwrap_or_default(),
        total: i.total,
        done: i.done,
        percent: if i.total > 0 { i.done * 100 / i.total } else { 100 },
        assignee: i.assignee.clone().unwrap_or_default(),
        priority: tr.t(i.priority.label_id()),
        deadline: i.deadline.map(|d| d.to_string()).unwrap_or_default(),
        overdue: changes::overdue(i, today),
    }
}

/// The remaining backlog per day from the recorded progress, and the forecast in words.
fn burn_down(tr: &Tr, progress: &[(Day, i64, i64)], today: Day, empty: bool) -> (Vec<(Day, i64)>, String) {
    let series = changes::burn_down(progress, today);
    let forecast = match changes::forecast(&series) {
        Outlook::Done if empty => tr.t("recovery-nothing"),
        Outlook::Done => tr.t("recovery-done"),
        Outlook::Stalled => tr.t("recovery-stalled"),
        Outlook::On(day) => tr.ts("recovery-forecast", "date", &day.to_string()),
    };
    (series, forecast)
}

/// The capacity estimate's fields and, once counted (the form was sent), its result in words,
/// for what was written on paper and for what is still to enter on the list (`items`).
fn catch_up_view(tr: &Tr, q: &FormData, items: &[BacklogItem], today: Day) -> (Vec<Field>, Vec<String>) {
    let left = items.iter().map(|i| (i.total - i.done).max(0)).sum();
    let counted = q.get("staff_hours").is_some();
    let posted = changes::CapacityForm {
        per_day: q.text("per_day"),
        outage_days: q.text("outage_days"),
        minutes: q.text("minutes_per_entry"),
        hours: q.text("staff_hours"),
    };
    let (e, lines) = match counted.then(|| changes::check_capacity(&posted)) {
        None => (Errors::default(), Vec::new()),
        Some(Ok(c)) => (Errors::default(), catch_up_lines(tr, &c, left, today)),
        Some(Err(found)) => (Errors::from(found), Vec::new()),
    };
    let mut shown = q.clone();
    if !counted {
        shown.set("minutes_per_entry", "5");
    }
    let field = |name: &str, id: &str| {
        Field::new(name, tr.t(&format!("catch-up-field-{id}")), FieldKind::Number, &shown, &e, tr)
            .hint(tr.t(&format!("catch-up-hint-{id}")))
    };
    let fields = vec![
        field("per_day", "per-day"),
        field("outage_days", "days"),
        field("minutes_per_entry", "minutes").required(),
        field("staff_hours", "hours").required(),
    ];
    (fields, lines)
}

/// The estimate in words: for what was written on paper, when given, and for what is left on
/// the list, each with the day it is done if entering starts today and goes on every day.
fn catch_up_lines(tr: &Tr, c: &changes::Capacity, left: i64, today: Day) -> Vec<String> {
    let say = |id: &str, entries: i64| {
        let est = recovery::catch_up(entries, c.minutes, c.hours)?;
        let done = today.plus_days(est.days).to_string();
        let (n, h, d, per_day) =
            (est.entries.to_string(), est.hours.to_string(), est.days.to_string(), c.hours.to_string());
        Some(tr.args(id, &[("entries", &n), ("hours", &h), ("days", &d), ("per_day", &per_day), ("date", &done)]))
    };
    let mut lines: Vec<String> = c.paper.and_then(|p| say("catch-up-paper", p)).into_iter().collect();
    match left {
        0 => lines.push(tr.t("catch-up-none-left")),
        _ => lines.extend(say("catch-up-left", left)),
    }
    lines
}

/// The chart: remaining per day as a polyline in a 600 × 200 box, and the top of its scale.
fn chart(series: &[(Day, i64)]) -> (String, i64) {
    let max = series.iter().map(|s| s.1).max().unwrap_or(0).max(1);
    let n = series.len().max(2) - 1;
    let points = series
        .iter()
        .enumerate()
        .map(|(i, (_, v))| {
            format!("{:.1},{:.1}", 40.0 + 540.0 * i as f64 / n as f64, 10.0 + 180.0 * (1.0 - *v as f64 / max as f64))
        })
        .collect::<Vec<_>>()
        .join(" ");
    (points, max)
}

/// The items as shown, and the sums per unit and per system.
fn backlog_views(
    tr: &Tr,
    lk: &Lookups,
    all_systems: &[systems::System],
    items: &[BacklogItem],
    today: Day,
) -> (Vec<ItemView>, Vec<Summary>, Vec<Summary>) {
    let system_name = |s: Option<i64>| {
        s.and_then(|s| all_systems.iter().find(|x| x.id == s)).map(|x| x.name.clone()).unwrap_or_default()
    };
    let views = items
        .iter()
        .map(|i| item_view(i, tr, lk.unit_name(Some(i.unit_id)), system_name(i.system_id), today))
        .collect();
    let per_unit = changes::sums(items, |i| lk.unit_name(Some(i.unit_id)));
    let per_system = changes::sums(items, |i| match i.system_id {
        Some(_) => system_name(i.system_id),
        None => tr.t("backlog-no-system"),
    });
    (views, per_unit, per_system)
}

async fn page(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    form: &FormData,
    e: &Errors,
    q: &FormData,
) -> Result<RecoveryPage, AppError> {
    let (h, lk) = head_for(state, user, id, "recovery").await?;
    let all_systems = systems::list(&state.db.pool, user.org_id).await?;
    let items = changes::ordered(incidents::backlog(&state.db.pool, h.i.key()).await?);
    let progress = incidents::backlog_progress(&state.db.pool, h.i.key()).await?;
    let mut ctx = Ctx::new(state, user, "/incidents", String::new());
    ctx.title = ctx.tr.ts("recovery-title", "title", &h.i.title);
    let (tr, today) = (&ctx.tr, clock::today());
    let (views, per_unit, per_system) = backlog_views(tr, &lk, &all_systems, &items, today);
    let (series, forecast) = burn_down(tr, &progress, today, items.is_empty());
    let (svg_points, svg_max) = chart(&series);
    let (catch_up_fields, catch_up) = catch_up_view(tr, q, &items, today);
    let (fields, restore_fields) = (fields(form, e, &lk, &all_systems, tr), restore_fields(form, e, &all_systems, tr));
    let error_summary = summary(&[catch_up_fields.clone(), fields.clone(), restore_fields.clone()].concat());
    ctx.mark_errors(&error_summary);
    Ok(RecoveryPage {
        may_write: user.role.works_incidents(),
        series,
        svg_points,
        svg_max,
        forecast,
        catch_up_fields,
        catch_up,
        items: views,
        per_unit,
        per_system,
        fields,
        restore_fields,
        error_summary,
        h,
        ctx,
    })
}

/// The page; the capacity estimate's form comes back here with its figures in the query.
pub async fn recovery(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, AppError> {
    let mut form = FormData::default();
    form.set("priority", "normal");
    form.set("restored_at", crate::platform::clock::now_minute());
    let q = FormData::from_pairs(q.into_iter().collect());
    let page = page(&state, &user, &id, &form, &Errors::default(), &q).await?;
    let status = if page.error_summary.is_empty() { StatusCode::OK } else { StatusCode::UNPROCESSABLE_ENTITY };
    Ok((status, page).into_response())
}

pub async fn add_item(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    user.require(user.role.works_incidents())?;
    let (h, lk) = head_for(&state, &user, &id, "recovery").await?;
    let all_systems = systems::list(&state.db.pool, user.org_id).await?;
    let posted = changes::ItemForm {
        unit: form.text("unit"),
        system: form.text("system"),
        kind: form.text("kind"),
        description: form.text("description"),
        total: form.text("total"),
        assignee: form.text("assignee"),
        priority: form.text("priority"),
        deadline: form.text("deadline"),
    };
    let item = match changes::check_item(&posted, |u| lk.unit(u).is_some(), &all_systems) {
        Ok(it) => it,
        Err(found) => {
            let page = page(&state, &user, &id, &form, &Errors::from(found), &FormData::default()).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let unit_name = lk.unit_name(Some(item.unit));
    changes::add_item(&state.db, user.org_id, &tr, h.i.key(), &item, &unit_name, &user.display_name).await?;
    Ok(Redirect::to(&format!("/incidents/{}/recovery?msg=saved", h.i.id)).into_response())
}

pub async fn set_done(
    State(state): State<AppState>,
    Path((id, item)): Path<(String, String)>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    user.require(user.role.works_incidents())?;
    let (h, _) = head_for(&state, &user, &id, "recovery").await?;
    let item = parse_id(&item)?;
    let done = text::optional_number(form.text("done"), 0, 1_000_000)
        .ok()
        .flatten()
        .ok_or(AppError::BadRequest("not a number"))?;
    changes::set_done(&state.db, user.org_id, &tr, h.i.key(), &h.units, item, done, &user.display_name).await?;
    Ok(Redirect::to(&format!("/incidents/{}/recovery#item-{item}", h.i.id)).into_response())
}

/// A system is back: when, and which fallback routines were switched back; written to the log.
pub async fn restored(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    user.require(user.role.works_incidents())?;
    let (h, _) = head_for(&state, &user, &id, "recovery").await?;
    let all_systems = systems::list(&state.db.pool, user.org_id).await?;
    let posted = changes::RestoreForm {
        system: form.text("restored_system"),
        at: form.text("restored_at"),
        switched_back: form.text("switched_back"),
    };
    let back = match changes::check_restore(&posted, &all_systems) {
        Ok(r) => r,
        Err(found) => {
            let page = page(&state, &user, &id, &form, &Errors::from(found), &FormData::default()).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    changes::restored(&state.db, user.org_id, &tr, h.i.key(), back, &user.display_name).await?;
    Ok(Redirect::to(&format!("/incidents/{}/recovery?msg=saved", h.i.id)).into_response())
}
