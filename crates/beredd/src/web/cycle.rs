//! The yearly cycle (årshjul): recurring work (plan reviews, classification reviews, risk
//! analyses, access-log follow-ups, exercises, training, management review, supplier reviews)
//! with owners; each item makes its dated tasks a year ahead. A year view drawn on the server,
//! the tasks as a table, and an iCalendar feed per user and per unit for calendar programs.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::cycle::CycleKind;

use crate::platform::clock::{self, Day};
use crate::platform::i18n::Tr;
use crate::services::cycle::{TaskState, Year, feed, items, year as cycle_year};
use crate::store::cycle;
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Choice, Errors, Field, FieldKind, FormData, optional_id, summary};
use crate::web::lookups::{Lookups, vocabulary_choices};
use crate::web::page::Ctx;
use crate::web::register::{Query_, parse_id};

pub struct TaskView {
    pub id: i64,
    pub title: String,
    pub kind: String,
    pub owner: String,
    pub unit: String,
    pub due: String,
    pub state: &'static str,
    pub state_label: String,
    pub done: String,
}

pub struct Dot {
    pub x: f64,
    pub y: f64,
    pub class: &'static str,
    pub label: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "cycle/year.html")]
pub struct CyclePage {
    pub ctx: Ctx,
    pub year: i32,
    pub heading: String,
    pub tasks: Vec<TaskView>,
    pub dots: Vec<Dot>,
    pub rows: Vec<(f64, String)>,
    pub months: Vec<(f64, String)>,
    pub fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
    pub may_edit: bool,
    pub may_tick: bool,
    /// Whether the user has a calendar address now, and what the page says about it.
    pub calendar_active: bool,
    pub calendar_notes: Vec<String>,
    /// The addresses just made: shown this once, since only their SHA-256 is kept.
    pub new_feed: Option<String>,
    pub unit_feeds: Vec<(String, String)>,
    /// The steering documents to be reviewed this year: (id, title, date, overdue).
    pub document_reviews: Vec<(i64, String, crate::platform::clock::Day, bool)>,
    /// Training falling due this year: (course id, course, when and how many, overdue).
    pub training_due: Vec<(i64, String, String, bool)>,
}

/// Training falling due in `year`, per course and day, in words.
async fn training_due(
    state: &AppState,
    org: i64,
    year: i32,
    tr: &Tr,
) -> Result<Vec<(i64, String, String, bool)>, AppError> {
    use crate::services::governance::training;
    let reg = training::load(&state.db, org).await?;
    Ok(training::cycle_in(&reg, year, clock::today())
        .into_iter()
        .map(|d| {
            let n = d.people as i64;
            let when = match &d.date {
                Some(date) => format!("{date}, {}", tr.tn("training-cycle-people", n)),
                None => tr.tn("training-cycle-never", n),
            };
            (d.course_id, d.course, when, d.overdue)
        })
        .collect())
}

fn fields(form: &FormData, e: &Errors, lk: &Lookups, tr: &Tr) -> Vec<Field> {
    let kinds = vocabulary_choices(CycleKind::ALL, CycleKind::code, CycleKind::label_id, tr);
    let every = [
        (12, "cycle-every-year"),
        (6, "cycle-every-half-year"),
        (3, "cycle-every-quarter"),
        (1, "cycle-every-month"),
        (0, "cycle-once"),
    ]
    .iter()
    .map(|(n, id)| Choice { value: n.to_string(), label: tr.t(id), depth: 0 })
    .collect();
    vec![
        Field::new("title", tr.t("cycle-field-title"), FieldKind::Text, form, e, tr).required().maxlength(200),
        Field::new("kind", tr.t("cycle-field-kind"), FieldKind::Select, form, e, tr).required().choices(kinds),
        Field::new("owner", tr.t("field-responsible"), FieldKind::Select, form, e, tr)
            .choices(lk.people_choices(tr.t("choice-none"))),
        Field::new("unit", tr.t("field-unit"), FieldKind::Select, form, e, tr)
            .choices(lk.unit_choices(Some(tr.t("choice-none")))),
        Field::new("start", tr.t("cycle-field-start"), FieldKind::Date, form, e, tr)
            .required()
            .maxlength(10)
            .hint(tr.t("hint-date")),
        Field::new("every", tr.t("cycle-field-every"), FieldKind::Select, form, e, tr).required().choices(every),
        Field::new("until", tr.t("cycle-field-until"), FieldKind::Date, form, e, tr)
            .maxlength(10)
            .hint(tr.t("cycle-hint-until")),
    ]
}

fn state_label(s: TaskState, tr: &Tr) -> String {
    tr.t(match s {
        TaskState::Done => "cycle-done",
        TaskState::Overdue => "cycle-overdue",
        TaskState::Upcoming => "cycle-upcoming",
    })
}

/// The tasks of the year as the table shows them.
fn task_views(y: &Year, lk: &Lookups, tr: &Tr) -> Vec<TaskView> {
    y.tasks
        .iter()
        .filter_map(|(t, state)| {
            let i = y.items.iter().find(|i| i.id == t.item_id)?;
            Some(TaskView {
                id: t.id,
                title: i.title.clone(),
                kind: tr.t(i.kind.label_id()),
                owner: lk.person_name(i.owner_id),
                unit: lk.unit_name(i.unit_id),
                due: t.due_date.to_string(),
                state: state.code(),
                state_label: state_label(*state, tr),
                done: t
                    .done_by
                    .as_ref()
                    .map(|b| format!("{b}, {}", t.done_at.map(|at| at.shown_day()).unwrap_or_default()))
                    .unwrap_or_default(),
            })
        })
        .collect()
}

/// The year view: one row per item, a dot per task on a 12-month axis.
struct Chart {
    rows: Vec<(f64, String)>,
    dots: Vec<Dot>,
    months: Vec<(f64, String)>,
}

fn chart(y: &Year, tr: &Tr) -> Chart {
    let year_start = Day::first_of_year(y.year).map_or(0, Day::number);
    let year_len = (Day::first_of_year(y.year + 1).map_or(year_start + 365, Day::number) - year_start) as f64;
    let rows = y.items.iter().enumerate().map(|(n, i)| (30.0 + 24.0 * n as f64, i.title.clone())).collect();
    let dots = y
        .tasks
        .iter()
        .filter_map(|(t, state)| {
            let row = y.items.iter().position(|i| i.id == t.item_id)?;
            let x = 200.0 + 580.0 * (t.due_date.number() - year_start) as f64 / year_len;
            let label = state_label(*state, tr);
            Some(Dot {
                x,
                y: 26.0 + 24.0 * row as f64,
                class: state.code(),
                label: format!("{} {}: {label}", y.items[row].title, t.due_date),
            })
        })
        .collect();
    let months = (1..=12).map(|m| (200.0 + 580.0 * (m - 1) as f64 / 12.0, tr.t(&format!("month-{m}")))).collect();
    Chart { rows, dots, months }
}

/// The units' feed addresses, for the units that have items, when an address was just made.
fn unit_feeds(y: &Year, lk: &Lookups, new_token: Option<&str>) -> Vec<(String, String)> {
    let Some(token) = new_token else { return Vec::new() };
    lk.units
        .iter()
        .filter(|u| y.items.iter().any(|i| i.unit_id == Some(u.id)))
        .map(|u| (u.name.clone(), format!("/cycle/feed/{token}.ics?unit={}", u.id)))
        .collect()
}

async fn page(
    state: &AppState,
    user: &CurrentUser,
    year: Option<i32>,
    form: &FormData,
    e: &Errors,
    new_token: Option<&str>,
) -> Result<CyclePage, AppError> {
    let y = cycle_year(&state.db.pool, user.org_id, year).await?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let calendar = cycle::calendar(&state.db.pool, user.id).await?;
    let mut ctx = Ctx::new(state, user, "/cycle", String::new());
    ctx.title = ctx.tr.t("cycle-title");
    let Chart { rows, dots, months } = chart(&y, &ctx.tr);
    let fields = fields(form, e, &lk, &ctx.tr);
    let error_summary = summary(&fields);
    if !error_summary.is_empty() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    Ok(CyclePage {
        document_reviews: crate::services::governance::reading::reviews_in(&state.db.pool, user.org_id, y.year).await?,
        training_due: training_due(state, user.org_id, y.year, &ctx.tr).await?,
        heading: ctx.tr.ts("cycle-tasks-in", "year", &y.year.to_string()),
        tasks: task_views(&y, &lk, &ctx.tr),
        may_edit: user.role.edits_all_content(),
        may_tick: user.role.works_incidents(),
        calendar_active: calendar.active.get(),
        calendar_notes: calendar_notes(&ctx.tr, &calendar, new_token.is_some()),
        new_feed: new_token.map(|t| format!("/cycle/feed/{t}.ics")),
        unit_feeds: unit_feeds(&y, &lk, new_token),
        ctx,
        year: y.year,
        dots,
        rows,
        months,
        fields,
        error_summary,
    })
}

fn blank_form() -> FormData {
    let mut form = FormData::default();
    form.set("every", "12");
    form
}

pub async fn view(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
) -> Result<CyclePage, AppError> {
    let year = q.get("year").and_then(|y| y.parse::<i32>().ok()).filter(|y| (2000..=2100).contains(y));
    let mut p = page(&state, &user, year, &blank_form(), &Errors::default(), None).await?;
    p.ctx.set_flash(q.get("msg").map(String::as_str));
    Ok(p)
}

pub async fn add(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    user.require(user.role.edits_all_content())?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut e = Errors::default();
    let draft = items::Draft {
        title: form.text("title"),
        kind: form.text("kind"),
        owner: e.take("owner", optional_id(form.text("owner"), |p| lk.person(p).is_some())),
        unit: e.take("unit", optional_id(form.text("unit"), |u| lk.unit(u).is_some())),
        start: form.text("start"),
        every: form.text("every"),
        until: form.text("until"),
    };
    match items::check(&draft) {
        Ok(item) if e.is_empty() => {
            items::add(&state.db, &user.actor(), &item).await?;
            Ok(Redirect::to("/cycle?msg=created").into_response())
        }
        checked => {
            if let Err(found) = checked {
                e.absorb(found);
            }
            let page = page(&state, &user, None, &form, &e, None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

pub async fn done(State(state): State<AppState>, Path(id): Path<String>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, .. } = posted;
    user.require(user.role.works_incidents())?;
    let id = parse_id(&id)?;
    if !items::mark_done(&state.db, &user.actor(), id, &user.display_name).await? {
        return Err(AppError::NotFound);
    }
    Ok(Redirect::to("/cycle?msg=saved").into_response())
}

/// What the page says about the user's calendar address.
fn calendar_notes(tr: &Tr, c: &cycle::Calendar, just_made: bool) -> Vec<String> {
    if just_made {
        return vec![tr.t("cycle-calendar-new"), tr.t("cycle-calendar-new-copy")];
    }
    if c.active.get() {
        let made = match &c.made_at {
            Some(at) => tr.ts("cycle-calendar-active-since", "date", &at.shown_day()),
            None => tr.t("cycle-calendar-active"),
        };
        return vec![made, tr.t("cycle-calendar-shown-once"), tr.t("cycle-calendar-lost")];
    }
    let mut notes = Vec::new();
    match c.ended.as_deref() {
        Some("password") => notes.push(tr.t("cycle-calendar-ended-password")),
        Some("reset") => notes.push(tr.t("cycle-calendar-ended-reset")),
        _ => {}
    }
    notes.push(tr.t("cycle-calendar-none"));
    notes
}

/// Makes the user a new calendar address ("Skapa kalenderadress", or "Ny kalenderadress" when
/// there is one: the old one stops working) and shows it this once (security review F15).
pub async fn new_calendar(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, .. } = posted;
    let token = feed::new_address(&state.db, &user.actor(), user.id).await?;
    let page = page(&state, &user, None, &blank_form(), &Errors::default(), Some(&token)).await?;
    Ok(page.into_response())
}

/// The cycle's tasks as an iCalendar feed: the user's own (by name as owner), or a unit's.
/// The path holds the user's secret token instead of a session, for calendar programs.
pub async fn feed(
    State(state): State<AppState>,
    Path(file): Path<String>,
    Query(q): Query<Query_>,
) -> Result<Response, AppError> {
    let token = file.strip_suffix(".ics").ok_or(AppError::NotFound)?;
    let unit = q.get("unit").and_then(|u| u.parse::<i64>().ok());
    let ics = feed::calendar(&state.db.pool, token, unit).await?.ok_or(AppError::NotFound)?;
    Ok(([(header::CONTENT_TYPE, "text/calendar; charset=utf-8")], ics).into_response())
}
