//! The crisis staff meeting (walks the board area by area and produces its protocol, in the log
//! and as a PDF), the incident's report as a PDF, and the incident as a bundle file another
//! Beredd can import.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::incident::LessonKind;
use beredd_domain::{LogKind, text};
use serde_json::json;

use super::{Head, head_for, occurred, writer_for};
use crate::platform::i18n::Tr;
use crate::services::crisis::{meetings, verdict_text};
use crate::store::incidents;
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Errors, Field, FieldKind, FormData, summary};
use crate::web::page::Ctx;
use crate::web::register::parse_id;

use crate::services::crisis::meetings::Protocol;

/// The board per area: (area, "done/total", problem labels).
async fn board_status(state: &AppState, h: &Head, tr: &Tr) -> Result<Vec<(String, String, Vec<String>)>, AppError> {
    Ok(meetings::board_status(&state.db.pool, tr, h.i.key()).await?)
}

pub struct MeetingRow {
    pub number: i64,
    pub title: String,
    pub held: String,
}

pub struct AreaForm {
    pub index: usize,
    pub name: String,
    pub board: String,
    pub problems: Vec<String>,
    pub field: Field,
}

#[derive(Template, WebTemplate)]
#[template(path = "crisis/meeting.html")]
pub struct MeetingPage {
    pub ctx: Ctx,
    pub h: Head,
    pub areas: Vec<AreaForm>,
    pub fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
    pub meetings: Vec<MeetingRow>,
}

/// The comment on one area of the board.
fn area_field(i: usize, name: &str, form: &FormData, e: &Errors, tr: &Tr) -> Field {
    Field::new(format!("area_{i}"), tr.ts("meeting-area-comment", "area", name), FieldKind::TextArea, form, e, tr)
        .maxlength(2000)
}

/// Who was present, what was decided, the tasks and the next meeting.
fn meeting_fields(form: &FormData, e: &Errors, tr: &Tr) -> Vec<Field> {
    vec![
        Field::new("present", tr.t("meeting-present"), FieldKind::TextArea, form, e, tr)
            .required()
            .hint(tr.t("hint-one-per-line")),
        Field::new("decisions", tr.t("meeting-decisions"), FieldKind::TextArea, form, e, tr)
            .hint(tr.t("meeting-hint-decisions")),
        Field::new("tasks", tr.t("meeting-tasks"), FieldKind::TextArea, form, e, tr).hint(tr.t("meeting-hint-tasks")),
        Field::new("next_meeting", tr.t("meeting-next"), FieldKind::Text, form, e, tr)
            .maxlength(200)
            .hint(tr.t("meeting-hint-next")),
    ]
}

async fn page(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    form: &FormData,
    e: &Errors,
) -> Result<MeetingPage, AppError> {
    let (h, _) = head_for(state, user, id, "meeting").await?;
    let mut ctx = Ctx::new(state, user, "/incidents", String::new());
    ctx.title = ctx.tr.ts("meeting-title", "title", &h.i.title);
    let tr = &ctx.tr;
    let areas: Vec<AreaForm> = board_status(state, &h, tr)
        .await?
        .into_iter()
        .enumerate()
        .map(|(i, (name, board, problems))| AreaForm {
            index: i,
            field: area_field(i, &name, form, e, tr),
            name,
            board,
            problems,
        })
        .collect();
    let fields = meeting_fields(form, e, tr);
    let mut all: Vec<Field> = fields.clone();
    all.extend(areas.iter().map(|a| a.field.clone()));
    let error_summary = summary(&all);
    ctx.mark_errors(&error_summary);
    let meetings = incidents::meetings(&state.db.pool, h.i.key())
        .await?
        .into_iter()
        .map(|m| MeetingRow {
            number: m.number,
            title: ctx.tr.tn("meeting-pdf-title", m.number),
            held: m.held_at.shown_minute(),
        })
        .collect();
    Ok(MeetingPage { ctx, h, areas, fields, error_summary, meetings })
}

pub async fn form(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<MeetingPage, AppError> {
    page(&state, &user, &id, &FormData::default(), &Errors::default()).await
}

pub async fn hold(State(state): State<AppState>, Path(id): Path<String>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    let h = writer_for(&state, &user, &id).await?;
    let board = board_status(&state, &h, &tr).await?;
    let keys: Vec<String> = (0..board.len()).map(|i| format!("area_{i}")).collect();
    let posted = meetings::MeetingForm {
        present: form.text("present"),
        decisions: form.text("decisions"),
        tasks: form.text("tasks"),
        next_meeting: form.text("next_meeting"),
        area_comments: keys.iter().map(|k| form.text(k)).collect(),
    };
    let minutes = match meetings::check(&posted, board) {
        Ok(m) => m,
        Err(found) => {
            let page = page(&state, &user, &id, &form, &Errors::from(found)).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    meetings::hold(&state.db, user.org_id, &tr, h.i.key(), minutes, &user.display_name).await?;
    state.live.publish(h.i.id, "log", "{}".into());
    Ok(Redirect::to(&format!("/incidents/{}/meeting?msg=saved", h.i.id)).into_response())
}

fn pdf_labels(tr: &Tr, pairs: &[(&str, &str)]) -> serde_json::Value {
    let mut m = serde_json::Map::new();
    for (k, id) in [("page", "pdf-page"), ("of", "pdf-of"), ("contents", "pdf-contents")].iter().chain(pairs) {
        m.insert((*k).to_owned(), json!(tr.t(id)));
    }
    serde_json::Value::Object(m)
}

async fn typeset(
    document: beredd_render::Document,
    data: serde_json::Value,
    stem: String,
) -> Result<Response, AppError> {
    let pdf = crate::platform::typeset::pdf(document, data).await?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (header::CONTENT_DISPOSITION, format!("attachment; filename=\"{stem}.pdf\"")),
        ],
        pdf,
    )
        .into_response())
}

pub async fn protocol_pdf(
    user: CurrentUser,
    State(state): State<AppState>,
    Path((id, n)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let (h, _) = head_for(&state, &user, &id, "meeting").await?;
    let n = parse_id(&n)?;
    let m = incidents::meetings(&state.db.pool, h.i.key())
        .await?
        .into_iter()
        .find(|m| m.number == n)
        .ok_or(AppError::NotFound)?;
    let p: Protocol =
        serde_json::from_str(&m.protocol).map_err(|e| AppError::Internal(format!("meeting {}: {e}", m.id)))?;
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let title = tr.tn("meeting-pdf-title", p.number);
    // When it was held, from the meeting's stored time (the protocol's own text of it was written
    // in UTC before Beredd showed Swedish time).
    let held = tr.ts("time-in-sweden", "time", &m.held_at.shown_minute());
    let data = json!({
        "title": title,
        "incident": h.i.title,
        "stamp": format!("{} · {} · {}: {}", title, held, tr.t("incident-log-head-label"), crate::services::crisis::head_text(&tr, &incidents::log(&state.db.pool, user.org_id, h.i.key()).await?)),
        "marking": tr.t("binder-marking"),
        "held": format!("{}, {}", held, m.held_by),
        "present": p.present,
        "areas": p.areas,
        "decisions": p.decisions,
        "tasks": p.tasks,
        "next_meeting": p.next_meeting,
        "labels": pdf_labels(&tr, &[("held", "meeting-held"), ("present", "meeting-present"), ("areas", "meeting-areas"), ("area", "form-f-area"), ("board", "incident-tab-board"), ("comment", "form-f-comment"), ("decisions", "meeting-decisions"), ("tasks", "meeting-tasks"), ("what", "form-f-what"), ("who", "form-f-who"), ("when", "form-f-when"), ("next", "meeting-next")]),
    });
    typeset(beredd_render::Document::Meeting, data, format!("protokoll-{}-{}", text::file_stem(&h.i.title), p.number))
        .await
}

/// Per unit the incident covers: how many of its staff have been reached.
fn staff_rows(lk: &crate::web::lookups::Lookups, h: &Head, reached: &[incidents::Reached]) -> Vec<serde_json::Value> {
    let covered: Vec<i64> =
        h.i.unit_ids.iter().flat_map(|u| crate::services::continuity::binder::subtree(&lk.units, *u)).collect();
    lk.units
        .iter()
        .filter(|u| covered.contains(&u.id))
        .filter_map(|u| {
            let people: Vec<i64> = lk
                .people
                .iter()
                .filter(|p| p.kind == beredd_domain::ContactKind::Staff && p.unit_id == Some(u.id))
                .map(|p| p.id)
                .collect();
            let n = reached.iter().filter(|r| people.contains(&r.person_id) && r.reached.get()).count();
            (!people.is_empty()).then(|| json!({ "unit": u.name, "share": format!("{n}/{}", people.len()) }))
        })
        .collect()
}

/// The log as printed: each entry's number, time, kind and author, text and hash.
fn log_rows(tr: &Tr, log: &[incidents::LogRow]) -> Vec<serde_json::Value> {
    log
        .iter()
        .map(|r| {
            let kind = LogKind::parse(&r.entry.kind).map(|k| tr.t(k.label_id())).unwrap_or_else(|_| r.entry.kind.clone());
            let mut meta = format!("{kind} · {}", r.entry.author);
            if let Some(d) = &r.entry.decided_by {
                meta.push_str(&format!(" · {}: {d}", tr.t("incident-field-decided-by")));
            }
            if let Some(c) = r.entry.corrects {
                meta.push_str(&format!(" · {} #{c}", tr.t("incident-corrects")));
            }
            json!({ "seq": r.entry.seq.to_string(), "when": occurred(tr, &r.entry), "meta": meta, "text": r.entry.text, "hash": r.hash })
        })
        .collect()
}

/// The lessons per kind.
fn lesson_rows(tr: &Tr, all_lessons: &[incidents::Lesson]) -> Vec<serde_json::Value> {
    LessonKind::ALL
        .iter()
        .map(|k| json!({ "title": tr.t(k.label_id()), "items": all_lessons.iter().filter(|l| l.kind == *k).map(|l| l.text.clone()).collect::<Vec<_>>() }))
        .collect()
}

/// The facts at the top of the first page.
fn fact_rows(tr: &Tr, h: &Head) -> Vec<serde_json::Value> {
    vec![
        json!([tr.t("incident-aware-short"), format!("{} ({})", h.discovered, tr.t("swedish-time"))]),
        json!([tr.t("incident-field-raised-by"), h.i.raised_by.clone().unwrap_or_default()]),
        json!([tr.t("incident-field-units"), h.units]),
        json!([tr.t("incident-started"), format!("{}, {}", h.i.started_at.shown_minute(), h.i.started_by)]),
        json!([tr.t("plan-col-status"), tr.t(h.i.status.label_id())]),
        json!([tr.t("incident-field-what"), h.i.what_happened.clone().unwrap_or_default()]),
    ]
}

/// The whole incident as a PDF: summary, board, staff reached, reports and the log with hashes.
pub async fn report_pdf(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let (h, lk) = head_for(&state, &user, &id, "board").await?;
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let pool = &state.db.pool;
    let mut conn = pool.acquire().await?;
    let verdict = incidents::verify(&mut conn, user.org_id, h.i.id).await?.ok_or(AppError::NotFound)?;
    let log = incidents::log(&mut *conn, user.org_id, h.i.key()).await?;
    drop(conn);
    let areas: Vec<serde_json::Value> = board_status(&state, &h, &tr).await?.into_iter().map(|(name, s, p)| json!({ "name": name, "summary": if p.is_empty() { s } else { format!("{s} {}", tr.tn("incident-problems", p.len() as i64)) } })).collect();
    let staff = staff_rows(&lk, &h, &incidents::reached(pool, h.i.key()).await?);
    let (reports, decisions) = {
        let mut conn = pool.acquire().await?;
        let r = crate::services::crisis::reporting::load(&mut conn, &h.i).await?;
        super::reports::printed(&tr, &r)
    };
    let (entries, lessons) = (log_rows(&tr, &log), lesson_rows(&tr, &incidents::lessons(pool, h.i.key()).await?));
    let today = crate::platform::clock::today_text();
    let data = json!({
        "title": h.i.title,
        "stamp": tr.ts("incident-report-stamp", "date", &today),
        "marking": tr.t("binder-marking"),
        "facts": fact_rows(&tr, &h),
        "verdict": format!("{} {}: {}.", verdict_text(&tr, &verdict), tr.t("incident-log-head-label"), crate::services::crisis::head_text(&tr, &log)),
        "areas": areas,
        "staff": staff,
        "reports": reports,
        "decisions": decisions,
        "log": entries,
        "lessons": lessons,
        "exercise": if h.i.exercise.get() { tr.t("incident-exercise-banner") } else { String::new() },
        "labels": pdf_labels(&tr, &[("board", "incident-tab-board"), ("area", "form-f-area"), ("status", "plan-col-status"), ("staff", "incident-tab-staff"), ("unit", "form-f-unit"), ("reached", "incident-reached"), ("reports", "comms-clocks"), ("report", "incident-report-col"), ("deadline", "comms-deadline"), ("sent", "incident-report-state"), ("reference", "incident-report-reference"), ("decisions", "reporting-decisions-all"), ("assessment", "reporting-assessment"), ("log", "incident-tab-log"), ("when", "incident-report-when"), ("entry", "incident-report-entry"), ("lessons", "incident-tab-lessons")]),
    });
    typeset(beredd_render::Document::Incident, data, format!("incident-{}-{today}", text::file_stem(&h.i.title))).await
}
