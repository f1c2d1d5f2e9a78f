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
use beredd_domain::{FieldError, text};

use crate::platform::clock::{date_of as date, day_number as day};
use crate::platform::i18n::Tr;
use crate::services::cycle::ensure;
use crate::store::{audit, cycle};
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Choice, Errors, Field, FieldKind, FormData, optional_id, summary};
use crate::web::lookups::{Lookups, vocabulary_choices};
use crate::web::page::Ctx;
use crate::web::register::{Query_, parse_id};
use beredd_domain::text::optional_date;

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
        Field::new("start", tr.t("cycle-field-start"), FieldKind::Text, form, e, tr)
            .required()
            .maxlength(10)
            .hint(tr.t("hint-date")),
        Field::new("every", tr.t("cycle-field-every"), FieldKind::Select, form, e, tr).required().choices(every),
        Field::new("until", tr.t("cycle-field-until"), FieldKind::Text, form, e, tr)
            .maxlength(10)
            .hint(tr.t("cycle-hint-until")),
    ]
}

async fn page(
    state: &AppState,
    user: &CurrentUser,
    year: Option<i32>,
    form: &FormData,
    e: &Errors,
    new_token: Option<&str>,
) -> Result<CyclePage, AppError> {
    ensure(&state.db.pool, user.org_id).await?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let items = cycle::items(&state.db.pool, user.org_id).await?;
    let all = cycle::tasks(&state.db.pool, user.org_id).await?;
    let mut ctx = Ctx::new(state, user, "/cycle", String::new());
    ctx.title = ctx.tr.t("cycle-title");
    let tr = &ctx.tr;
    let today = crate::platform::clock::today_text();
    let year = year.unwrap_or_else(|| today[..4].parse().unwrap_or(2026));
    let prefix = year.to_string();
    let state_of = |t: &cycle::Task| -> (&'static str, String) {
        match (&t.done_at, t.due_date.as_str() < today.as_str()) {
            (Some(_), _) => ("done", tr.t("cycle-done")),
            (None, true) => ("overdue", tr.t("cycle-overdue")),
            (None, false) => ("upcoming", tr.t("cycle-upcoming")),
        }
    };
    let in_year: Vec<&cycle::Task> = all.iter().filter(|t| t.due_date.starts_with(&prefix)).collect();
    let tasks: Vec<TaskView> = in_year
        .iter()
        .filter_map(|t| {
            let i = items.iter().find(|i| i.id == t.item_id)?;
            let (state, state_label) = state_of(t);
            Some(TaskView {
                id: t.id,
                title: i.title.clone(),
                kind: tr.t(i.kind.label_id()),
                owner: lk.person_name(i.owner_id),
                unit: lk.unit_name(i.unit_id),
                due: t.due_date.clone(),
                state,
                state_label,
                done: t
                    .done_by
                    .as_ref()
                    .map(|b| format!("{b}, {}", crate::platform::clock::shown_day(t.done_at.as_deref().unwrap_or(""))))
                    .unwrap_or_default(),
            })
        })
        .collect();
    // The year view: one row per item, a dot per task on a 12-month axis.
    let year_start = day(&format!("{year}-01-01")).unwrap_or(0);
    let year_len = (day(&format!("{}-01-01", year + 1)).unwrap_or(year_start + 365) - year_start) as f64;
    let rows: Vec<(f64, String)> =
        items.iter().enumerate().map(|(n, i)| (30.0 + 24.0 * n as f64, i.title.clone())).collect();
    let dots = in_year
        .iter()
        .filter_map(|t| {
            let row = items.iter().position(|i| i.id == t.item_id)?;
            let x = 200.0 + 580.0 * (day(&t.due_date)? - year_start) as f64 / year_len;
            let (class, label) = state_of(t);
            Some(Dot {
                x,
                y: 26.0 + 24.0 * row as f64,
                class,
                label: format!("{} {}: {label}", items[row].title, t.due_date),
            })
        })
        .collect();
    let months = (1..=12).map(|m| (200.0 + 580.0 * (m - 1) as f64 / 12.0, tr.t(&format!("month-{m}")))).collect();
    let fields = fields(form, e, &lk, tr);
    let error_summary = summary(&fields);
    if !error_summary.is_empty() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    let calendar = cycle::calendar(&state.db.pool, user.id).await?;
    let calendar_notes = calendar_notes(&ctx.tr, &calendar, new_token.is_some());
    let unit_feeds = match new_token {
        Some(token) => lk
            .units
            .iter()
            .filter(|u| items.iter().any(|i| i.unit_id == Some(u.id)))
            .map(|u| (u.name.clone(), format!("/cycle/feed/{token}.ics?unit={}", u.id)))
            .collect(),
        None => Vec::new(),
    };
    Ok(CyclePage {
        heading: ctx.tr.ts("cycle-tasks-in", "year", &year.to_string()),
        may_edit: user.role.edits_all_content(),
        may_tick: user.role.works_incidents(),
        calendar_active: calendar.active.get(),
        calendar_notes,
        new_feed: new_token.map(|t| format!("/cycle/feed/{t}.ics")),
        unit_feeds,
        ctx,
        year,
        tasks,
        dots,
        rows,
        months,
        fields,
        error_summary,
    })
}

pub async fn view(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
) -> Result<CyclePage, AppError> {
    let mut form = FormData::default();
    form.set("every", "12");
    let year = q.get("year").and_then(|y| y.parse::<i32>().ok()).filter(|y| (2000..=2100).contains(y));
    let mut p = page(&state, &user, year, &form, &Errors::default(), None).await?;
    p.ctx.set_flash(q.get("msg").map(String::as_str));
    Ok(p)
}

pub async fn add(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    user.require(user.role.edits_all_content())?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut e = Errors::default();
    let title = e.take("title", text::Name::parse(form.text("title")).map(|n| n.into_string()));
    let kind = e.take("kind", CycleKind::parse(form.text("kind")).map(Some));
    let owner = e.take("owner", optional_id(form.text("owner"), |p| lk.person(p).is_some()));
    let unit = e.take("unit", optional_id(form.text("unit"), |u| lk.unit(u).is_some()));
    let start = e.take(
        "start",
        optional_date(form.text("start")).and_then(|d| d.ok_or(FieldError::Required)).and_then(|d| {
            let year = d.get(..4).and_then(|y| y.parse::<i32>().ok());
            if year.is_some_and(|y| crate::services::cycle::YEARS.contains(&y)) { Ok(d) } else { Err(FieldError::Date) }
        }),
    );
    let every = match form.text("every").parse::<i64>() {
        Ok(n @ (0 | 1 | 3 | 6 | 12)) => n,
        _ => {
            e.add("every", FieldError::Choice);
            0
        }
    };
    let until = e.take("until", optional_date(form.text("until")));
    if until.as_deref().is_some_and(|u| u < start.as_str()) && !e.0.contains_key("until") {
        e.add("until", FieldError::Date);
    }
    let Some(kind) = kind.filter(|_| e.is_empty()) else {
        return Ok(
            (StatusCode::UNPROCESSABLE_ENTITY, page(&state, &user, None, &form, &e, None).await?).into_response()
        );
    };
    let mut tx = state.db.begin_write().await?;
    let n = cycle::NewItem {
        title: &title,
        kind,
        owner_id: owner,
        unit_id: unit,
        start_date: &start,
        every_months: every,
        until_date: until.as_deref(),
        notes: None,
    };
    let id = cycle::insert(&mut *tx, user.org_id, &n).await?;
    let record =
        serde_json::json!({ "title": title, "kind": kind, "start": start, "every_months": every, "until": until });
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "create",
            entity: "cycle",
            entity_id: Some(id),
            summary: &title,
            before: None::<&serde_json::Value>,
            after: Some(&record),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to("/cycle?msg=created").into_response())
}

pub async fn done(State(state): State<AppState>, Path(id): Path<String>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, .. } = posted;
    user.require(user.role.works_incidents())?;
    let id = parse_id(&id)?;
    let mut tx = state.db.begin_write().await?;
    if !cycle::mark_done(&mut *tx, user.org_id, id, &user.display_name).await? {
        return Err(AppError::NotFound);
    }
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "update",
            entity: "cycle",
            entity_id: Some(id),
            summary: "done",
            before: None::<&()>,
            after: None::<&()>,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to("/cycle?msg=saved").into_response())
}

/// What the page says about the user's calendar address.
fn calendar_notes(tr: &Tr, c: &cycle::Calendar, just_made: bool) -> Vec<String> {
    if just_made {
        return vec![tr.t("cycle-calendar-new"), tr.t("cycle-calendar-new-copy")];
    }
    if c.active.get() {
        let made = match &c.made_at {
            Some(at) => tr.ts("cycle-calendar-active-since", "date", &crate::platform::clock::shown_day(at)),
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
    let mut tx = state.db.begin_write().await?;
    let before = cycle::calendar(&mut *tx, user.id).await?;
    let token = cycle::new_calendar_token(&mut *tx, user.id).await?;
    let after = cycle::calendar(&mut *tx, user.id).await?;
    let record = |c: &cycle::Calendar| serde_json::json!({ "address": c.active.get(), "made_at": c.made_at });
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: if before.active.get() { "replace" } else { "create" },
            entity: "calendar-address",
            entity_id: Some(user.id),
            summary: &user.username,
            before: Some(&record(&before)),
            after: Some(&record(&after)),
        },
    )
    .await?;
    tx.commit().await?;
    let mut form = FormData::default();
    form.set("every", "12");
    let page = page(&state, &user, None, &form, &Errors::default(), Some(&token)).await?;
    Ok(page.into_response())
}

/// Text for an iCalendar property value: backslash, semicolon, comma and newline escaped.
fn ics_text(s: &str) -> String {
    s.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace('\n', "\\n").replace('\r', "")
}

/// A content line folded at 75 octets (RFC 5545 3.1), never inside a UTF-8 character.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut len = 0;
    for c in line.chars() {
        if len + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            len = 1;
        }
        out.push(c);
        len += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

/// The cycle's tasks as an iCalendar feed: the user's own (by name as owner), or a unit's.
/// The path holds the user's secret token instead of a session, for calendar programs.
pub async fn feed(
    State(state): State<AppState>,
    Path(file): Path<String>,
    Query(q): Query<Query_>,
) -> Result<Response, AppError> {
    let token = file.strip_suffix(".ics").ok_or(AppError::NotFound)?;
    let (org, name, me) = cycle::by_token(&state.db.pool, token).await?.ok_or(AppError::NotFound)?;
    ensure(&state.db.pool, org).await?;
    let lk = Lookups::load(&state.db, org).await?;
    let items = cycle::items(&state.db.pool, org).await?;
    let unit = q.get("unit").and_then(|u| u.parse::<i64>().ok());
    let scope: Option<Vec<i64>> = unit.map(|u| crate::services::continuity::binder::subtree(&lk.units, u));
    let chosen: Vec<&cycle::Item> = items
        .iter()
        .filter(|i| match &scope {
            Some(units) => i.unit_id.is_some_and(|u| units.contains(&u)),
            // The user's own: the person they said they are, or else the person with their name.
            None => match me {
                Some(p) => i.owner_id == Some(p),
                None => i.owner_id.is_some() && lk.person_name(i.owner_id) == name,
            },
        })
        .collect();
    let stamp = crate::platform::clock::stamp().replace(['-', ':'], "");
    let mut out =
        String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Beredd//Arshjul//SV\r\nCALSCALE:GREGORIAN\r\n");
    // The tasks are whole Swedish days (all-day events, which have no time and so need no
    // VTIMEZONE); the calendar's zone says where those days are. DTSTAMP is UTC, as it must be.
    out.push_str(&format!("X-WR-TIMEZONE:{}\r\n", crate::platform::clock::ZONE_NAME));
    out.push_str(&fold(&format!(
        "X-WR-CALNAME:{}",
        ics_text(&format!("Beredd – {}", unit.map(|u| lk.unit_name(Some(u))).unwrap_or(name.clone())))
    )));
    for t in cycle::tasks(&state.db.pool, org).await? {
        let Some(i) = chosen.iter().find(|i| i.id == t.item_id) else { continue };
        let d = t.due_date.replace('-', "");
        let next = day(&t.due_date).map(|x| date(x + 1).replace('-', "")).unwrap_or_else(|| d.clone());
        out.push_str("BEGIN:VEVENT\r\n");
        out.push_str(&fold(&format!("UID:cycle-task-{}@beredd", t.id)));
        out.push_str(&format!("DTSTAMP:{stamp}\r\nDTSTART;VALUE=DATE:{d}\r\nDTEND;VALUE=DATE:{next}\r\n"));
        out.push_str(&fold(&format!("SUMMARY:{}", ics_text(&i.title))));
        let owner = lk.person_name(i.owner_id);
        if !owner.is_empty() {
            out.push_str(&fold(&format!("DESCRIPTION:{}", ics_text(&owner))));
        }
        if t.done_at.is_some() {
            out.push_str("STATUS:CONFIRMED\r\n");
        }
        out.push_str("END:VEVENT\r\n");
    }
    out.push_str("END:VCALENDAR\r\n");
    Ok(([(header::CONTENT_TYPE, "text/calendar; charset=utf-8")], out).into_response())
}
