//! A course's page: what it is and whom it applies to, where each person in the user's view
//! stands, the form that records who took it (for coordinators, and unit managers for the staff
//! of their units), and the completions, those from an exercise linked to it.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::document::{Block, blocks};
use beredd_domain::training::CourseKind;

use super::training::{StatusView, audience_text, every_text, load, records, status_view, viewer};
use crate::platform::clock;
use crate::platform::i18n::Tr;
use crate::services::governance::courses;
use crate::services::governance::training::{CourseView, Registry, Source, Viewer};
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Choice, Errors, Field, FieldKind, FormData, summary};
use crate::web::page::Ctx;
use crate::web::register::{Query_, parse_id};

/// A completion as the list shows it.
pub struct CompletionView {
    pub on: String,
    pub person: String,
    /// Who recorded it, or the exercise it came from (id, title).
    pub by: String,
    pub exercise: Option<(i64, String)>,
    pub note: String,
    /// The recorded completion's id, when the user may remove it.
    pub removable: Option<i64>,
}

#[derive(Template, WebTemplate)]
#[template(path = "governance/training_course.html")]
pub struct CoursePage {
    pub ctx: Ctx,
    pub id: i64,
    pub details: Vec<(String, String)>,
    pub blocks: Vec<Block>,
    pub law: Option<String>,
    pub statuses: Vec<StatusView>,
    pub completions: Vec<CompletionView>,
    pub fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
    pub may_edit: bool,
    pub may_record: bool,
}

/// The course `id`; every user may read every course.
fn course<'a>(reg: &'a Registry, id: &str) -> Result<&'a CourseView, AppError> {
    reg.course(parse_id(id)?).ok_or(AppError::NotFound)
}

/// What the law says about a kind of course, in the page's words.
fn law(kind: CourseKind, tr: &Tr) -> Option<String> {
    match kind {
        CourseKind::CyberHygiene => Some(tr.t("training-law-cyber_hygiene")),
        CourseKind::Management => Some(tr.t("training-law-management")),
        CourseKind::CrisisExercise => Some(tr.t("training-law-crisis_exercise")),
        CourseKind::FallbackRoutines | CourseKind::Other => None,
    }
}

/// The people the user may record this course for: those who must take it, in the user's units.
fn record_choices(reg: &Registry, c: &CourseView, v: &Viewer) -> Vec<Choice> {
    let mut people: Vec<_> = reg.people.iter().filter(|p| reg.required(c, p) && reg.may_record_for(v, p)).collect();
    people.sort_by_key(|p| beredd_domain::sort::swedish_key(&p.name));
    people
        .into_iter()
        .map(|p| {
            let unit = p.unit_id.and_then(|u| reg.unit(u)).map(|u| u.name.as_str()).unwrap_or("");
            let label = if unit.is_empty() { p.name.clone() } else { format!("{} ({unit})", p.name) };
            Choice { value: p.id.to_string(), label, depth: 0 }
        })
        .collect()
}

fn fields(form: &FormData, e: &Errors, choices: Vec<Choice>, tr: &Tr) -> Vec<Field> {
    vec![
        Field::new("completed_on", tr.t("training-field-completed_on"), FieldKind::Date, form, e, tr)
            .required()
            .hint(tr.t("hint-date")),
        Field::new("note", tr.t("training-field-note"), FieldKind::Text, form, e, tr)
            .maxlength(300)
            .hint(tr.t("training-hint-note")),
        Field::new("people", tr.t("training-field-participants"), FieldKind::MultiCheck, form, e, tr)
            .choices(choices)
            .hint(tr.t("training-hint-participants")),
    ]
}

fn completions(reg: &Registry, c: &CourseView, v: &Viewer, tr: &Tr) -> Vec<CompletionView> {
    reg.done
        .iter()
        .filter(|d| d.course_id == c.course.id)
        .filter_map(|d| {
            let p = reg.person(d.person_id).filter(|p| reg.sees(v, p))?;
            let (by, exercise, note, id) = match &d.source {
                Source::Recorded { id, by, note } => (by.clone(), None, note.clone().unwrap_or_default(), Some(*id)),
                Source::Exercise { incident, title } => {
                    (tr.t("training-from-exercise"), Some((*incident, title.clone())), String::new(), None)
                }
            };
            let removable = id.filter(|_| reg.may_record_for(v, p));
            Some(CompletionView { on: d.on.to_string(), person: p.name.clone(), by, exercise, note, removable })
        })
        .collect()
}

fn details(reg: &Registry, c: &CourseView, tr: &Tr) -> Vec<(String, String)> {
    vec![
        (tr.t("training-field-kind"), tr.t(c.course.kind.label_id())),
        (tr.t("training-col-every"), every_text(c.course.every_months, tr)),
        (tr.t("training-col-applies"), audience_text(reg, c, tr)),
    ]
}

async fn page(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    form: &FormData,
    e: &Errors,
) -> Result<CoursePage, AppError> {
    let (reg, person) = load(state, user).await?;
    let v = viewer(user, person);
    let c = course(&reg, id)?;
    let mut ctx = Ctx::new(state, user, "/governance/training", c.course.name.clone());
    let details = details(&reg, c, &ctx.tr);
    let statuses = reg.statuses(clock::today(), |p| reg.sees(&v, p));
    let choices = if records(user) { record_choices(&reg, c, &v) } else { Vec::new() };
    let may_record = !choices.is_empty();
    let fields = fields(form, e, choices, &ctx.tr);
    let error_summary = summary(&fields);
    if !error_summary.is_empty() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    let tr = &ctx.tr;
    Ok(CoursePage {
        id: c.course.id,
        details,
        blocks: c.course.description.as_deref().map(blocks).unwrap_or_default(),
        law: law(c.course.kind, tr),
        statuses: statuses
            .iter()
            .filter(|s| s.course.course.id == c.course.id)
            .map(|s| status_view(&reg, s, tr))
            .collect(),
        completions: completions(&reg, c, &v, tr),
        fields,
        error_summary,
        may_edit: user.role.edits_all_content(),
        may_record,
        ctx,
    })
}

pub async fn show(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<Query_>,
) -> Result<CoursePage, AppError> {
    let mut form = FormData::default();
    form.set("completed_on", clock::today_text());
    let mut p = page(&state, &user, &id, &form, &Errors::default()).await?;
    p.ctx.set_flash(q.get("msg").map(String::as_str));
    if q.get("msg").map(String::as_str) == Some("recorded") {
        p.ctx.flash = Some(p.ctx.tr.t("training-flash-recorded"));
    }
    Ok(p)
}

/// The people a posted form names: an id that is no member of staff is an error on the field;
/// one the user may not record for is refused outright.
fn chosen(reg: &Registry, v: &Viewer, form: &FormData, e: &mut Errors) -> Result<Vec<(i64, String)>, AppError> {
    let mut out: Vec<(i64, String)> = Vec::new();
    for raw in form.all("people") {
        let found = raw.trim().parse::<i64>().ok().and_then(|id| reg.person(id));
        match found.filter(|p| p.kind == beredd_domain::ContactKind::Staff) {
            None => e.add("people", beredd_domain::FieldError::Missing),
            Some(p) if !reg.may_record_for(v, p) => return Err(AppError::Forbidden),
            Some(p) if !out.iter().any(|(id, _)| *id == p.id) => out.push((p.id, p.name.clone())),
            Some(_) => {}
        }
    }
    Ok(out)
}

pub async fn record(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    user.require(records(&user))?;
    let (reg, person) = load(&state, &user).await?;
    let v = viewer(&user, person);
    let c = course(&reg, &id)?;
    let mut e = Errors::default();
    let people = chosen(&reg, &v, &form, &mut e)?;
    let ids: Vec<i64> = people.iter().map(|(id, _)| *id).collect();
    match courses::check_completion(form.text("completed_on"), form.text("note"), &ids, clock::today()) {
        Ok((on, note)) if e.is_empty() => {
            courses::record(&state.db, &user.actor(), &c.course, &people, on, note.as_deref(), &user.display_name)
                .await?;
            Ok(Redirect::to(&format!("/governance/training/{}?msg=recorded#status", c.course.id)).into_response())
        }
        checked => {
            if let Err(found) = checked {
                e.absorb(found);
            }
            let page = page(&state, &user, &id, &form, &e).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// Removes a completion recorded by mistake (not one from an exercise).
pub async fn remove(
    State(state): State<AppState>,
    Path((id, completion)): Path<(String, String)>,
    posted: Posted,
) -> Result<Response, AppError> {
    let user = posted.user;
    user.require(records(&user))?;
    let (reg, person) = load(&state, &user).await?;
    let c = course(&reg, &id)?;
    let completion = parse_id(&completion)?;
    let all = crate::store::training::completions(&state.db.pool, user.org_id).await?;
    let found = all.iter().find(|x| x.id == completion && x.course_id == c.course.id).ok_or(AppError::NotFound)?;
    let p = reg.person(found.person_id).ok_or(AppError::NotFound)?;
    user.require(reg.may_record_for(&viewer(&user, person), p))?;
    courses::remove(&state.db, &user.actor(), &c.course, found, &p.name).await?;
    Ok(Redirect::to(&format!("/governance/training/{}?msg=deleted#completions", c.course.id)).into_response())
}
