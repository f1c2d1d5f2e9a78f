//! After an incident or an exercise: its evaluation (what went well, what went less well, what
//! must change; a change can become an action in the action plan), and an exercise's inject
//! timeline (what happens when, in minutes from the start).

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::{Head, head_for};
use crate::platform::i18n::Tr;
use crate::services::crisis::lessons::{self, Target};
use crate::store::incidents;
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Choice, Errors, Field, FieldKind, FormData, summary};
use crate::web::lookups::{Lookups, vocabulary_choices};
use crate::web::page::Ctx;
use beredd_domain::incident::{LessonKind, LessonTarget};

pub struct LessonView {
    pub id: i64,
    pub text: String,
    pub by: String,
    pub action: Option<i64>,
    /// (name, link) of the plan or information it changes.
    pub target: Option<(String, String)>,
}

pub struct Group {
    pub title: String,
    pub items: Vec<LessonView>,
}

#[derive(Template, WebTemplate)]
#[template(path = "crisis/lessons.html")]
pub struct LessonsPage {
    pub ctx: Ctx,
    pub h: Head,
    pub groups: Vec<Group>,
    pub fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
    /// Evaluation is open to writers even after the incident is closed.
    pub may_write: bool,
    /// Administrators and coordinators share a lesson with other municipalities.
    pub may_share: bool,
}

/// The plans and classified information a lesson can point to, as (target, label, link).
async fn targets(state: &AppState, org: i64, tr: &Tr) -> Result<Vec<Target>, AppError> {
    Ok(lessons::targets(&state.db.pool, org, tr).await?)
}

fn fields(
    form: &FormData,
    e: &Errors,
    lk: &Lookups,
    tr: &Tr,
    targets: &[(LessonTarget, String, String)],
) -> Vec<Field> {
    let mut target_choices = vec![Choice { value: String::new(), label: tr.t("choice-none"), depth: 0 }];
    target_choices.extend(targets.iter().map(|(t, l, _)| Choice { value: t.code(), label: l.clone(), depth: 0 }));
    let kinds = vocabulary_choices(LessonKind::ALL, LessonKind::code, LessonKind::label_id, tr);
    vec![
        Field::new("kind", tr.t("lesson-field-kind"), FieldKind::Radio, form, e, tr).required().choices(kinds),
        Field::new("text", tr.t("lesson-field-text"), FieldKind::TextArea, form, e, tr).required().maxlength(4000),
        Field::new("target", tr.t("lesson-field-target"), FieldKind::Select, form, e, tr)
            .choices(target_choices)
            .hint(tr.t("lesson-hint-target")),
        Field::new("create_action", tr.t("field-create-action"), FieldKind::Checkbox, form, e, tr)
            .hint(tr.t("lesson-hint-action")),
        Field::new("owner", tr.t("field-responsible"), FieldKind::Select, form, e, tr)
            .choices(lk.people_choices(tr.t("choice-none"))),
        Field::new("due", tr.t("field-due-date"), FieldKind::Text, form, e, tr).maxlength(10).hint(tr.t("hint-date")),
    ]
}

/// A lesson as the page lists it, with the plan or information it changes.
fn lesson_view(l: &incidents::Lesson, targets: &[Target]) -> LessonView {
    LessonView {
        id: l.id,
        text: l.text.clone(),
        by: format!("{}, {}", l.created_by, l.created_at.shown_day()),
        action: l.action_id,
        target: l
            .target
            .and_then(|t| targets.iter().find(|(v, _, _)| *v == t))
            .map(|(_, label, href)| (label.clone(), href.clone())),
    }
}

async fn page(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    form: &FormData,
    e: &Errors,
) -> Result<LessonsPage, AppError> {
    let (h, lk) = head_for(state, user, id, "lessons").await?;
    let all = incidents::lessons(&state.db.pool, h.i.key()).await?;
    let tr0 = Tr::new(state.catalog.clone(), user.lang);
    let targets = targets(state, user.org_id, &tr0).await?;
    let mut ctx = Ctx::new(state, user, "/incidents", String::new());
    ctx.title = ctx.tr.ts("lessons-title", "title", &h.i.title);
    let tr = &ctx.tr;
    let groups = LessonKind::ALL
        .iter()
        .map(|k| Group {
            title: tr.t(k.label_id()),
            items: all.iter().filter(|l| l.kind == *k).map(|l| lesson_view(l, &targets)).collect(),
        })
        .collect();
    let fields = fields(form, e, &lk, tr, &targets);
    let error_summary = summary(&fields);
    ctx.mark_errors(&error_summary);
    Ok(LessonsPage {
        may_write: user.role.works_incidents(),
        may_share: user.role.edits_all_content(),
        ctx,
        h,
        groups,
        fields,
        error_summary,
    })
}

pub async fn lessons(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<LessonsPage, AppError> {
    let mut form = FormData::default();
    form.set("kind", "change");
    form.set("create_action", "on");
    page(&state, &user, &id, &form, &Errors::default()).await
}

pub async fn add_lesson(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    user.require(user.role.works_incidents())?;
    let (h, lk) = head_for(&state, &user, &id, "lessons").await?;
    let all_targets = targets(&state, user.org_id, &tr).await?;
    let posted = lessons::LessonForm {
        kind: form.text("kind"),
        text: form.text("text"),
        owner: form.text("owner"),
        due: form.text("due"),
        target: form.text("target"),
        create_action: form.checked("create_action"),
    };
    let lesson = match lessons::check(&posted, |p| lk.person(p).is_some(), &all_targets) {
        Ok(l) => l,
        Err(found) => {
            let page = page(&state, &user, &id, &form, &Errors::from(found)).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    lessons::add(&state.db, &user.actor(), &tr, &h.i, &lesson, &user.display_name).await?;
    Ok(Redirect::to(&format!("/incidents/{}/lessons?msg=saved", h.i.id)).into_response())
}

// ---- An exercise's injects -------------------------------------------------------------------

pub struct InjectView {
    pub minute: i64,
    pub at: String,
    pub text: String,
    pub due: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "crisis/injects.html")]
pub struct InjectsPage {
    pub ctx: Ctx,
    pub h: Head,
    pub injects: Vec<InjectView>,
    pub fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
}

async fn injects_page(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    form: &FormData,
    e: &Errors,
) -> Result<InjectsPage, AppError> {
    let (h, _) = head_for(state, user, id, "injects").await?;
    if !h.i.exercise.get() {
        return Err(AppError::NotFound);
    }
    let mut ctx = Ctx::new(state, user, "/incidents", String::new());
    ctx.title = ctx.tr.ts("injects-title", "title", &h.i.title);
    let tr = &ctx.tr;
    let now = crate::platform::clock::now_stamp();
    let injects = incidents::injects(&state.db.pool, h.i.key())
        .await?
        .into_iter()
        .map(|i| {
            let (at, due) = lessons::inject_time(h.i.started_at, i.minute, now);
            InjectView { minute: i.minute, at, due, text: i.text }
        })
        .collect();
    let fields = vec![
        Field::new("minute", tr.t("inject-field-minute"), FieldKind::Number, form, e, tr)
            .required()
            .hint(tr.t("inject-hint-minute")),
        Field::new("text", tr.t("inject-field-text"), FieldKind::TextArea, form, e, tr).required().maxlength(2000),
    ];
    let error_summary = summary(&fields);
    Ok(InjectsPage { ctx, h, injects, fields, error_summary })
}

pub async fn injects(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<InjectsPage, AppError> {
    injects_page(&state, &user, &id, &FormData::default(), &Errors::default()).await
}

pub async fn add_inject(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    user.require(user.role.works_incidents())?;
    let (h, _) = head_for(&state, &user, &id, "injects").await?;
    if !h.i.exercise.get() {
        return Err(AppError::NotFound);
    }
    let (minute, body) = match lessons::check_inject(form.text("minute"), form.text("text")) {
        Ok(checked) => checked,
        Err(found) => {
            let page = injects_page(&state, &user, &id, &form, &Errors::from(found)).await?;
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    lessons::add_inject(&state.db, &user.actor(), &h.i, minute, &body).await?;
    Ok(Redirect::to(&format!("/incidents/{}/injects", h.i.id)).into_response())
}
