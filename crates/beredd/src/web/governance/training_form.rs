//! The form that adds or changes a training course, for those who edit all content.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::ContactKind;
use beredd_domain::sort::swedish_key;
use beredd_domain::training::{Audience, CourseKind, MAX_EVERY_MONTHS};

use crate::platform::i18n::Tr;
use crate::services::governance::courses::{self as use_cases, Draft, MAX_DESCRIPTION};
use crate::services::governance::training::CourseView;
use crate::store::training::CourseInput;
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Choice, Errors, Field, FieldKind, FormData, summary};
use crate::web::lookups::{Lookups, vocabulary_choices};
use crate::web::page::Ctx;
use crate::web::register::parse_id;

#[derive(Template, WebTemplate)]
#[template(path = "governance/training_form.html")]
pub struct FormPage {
    pub ctx: Ctx,
    pub action: String,
    pub cancel: String,
    pub fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
}

/// The staff, by name, with their unit: whom a course can name.
fn staff_choices(lk: &Lookups) -> Vec<Choice> {
    let mut staff: Vec<_> = lk.people.iter().filter(|p| p.kind == ContactKind::Staff).collect();
    staff.sort_by_key(|p| swedish_key(&p.name));
    staff
        .into_iter()
        .map(|p| {
            let label = match p.title.as_deref().or(p.unit_id.and_then(|u| lk.unit(u)).map(|u| u.name.as_str())) {
                Some(t) => format!("{} ({t})", p.name),
                None => p.name.clone(),
            };
            Choice { value: p.id.to_string(), label, depth: 0 }
        })
        .collect()
}

fn fields(form: &FormData, e: &Errors, lk: &Lookups, tr: &Tr) -> Vec<Field> {
    let kinds = vocabulary_choices(CourseKind::ALL, CourseKind::code, CourseKind::label_id, tr);
    let audiences = vocabulary_choices(Audience::ALL, Audience::code, Audience::label_id, tr);
    vec![
        Field::new("name", tr.t("training-field-name"), FieldKind::Text, form, e, tr).required().maxlength(200),
        Field::new("kind", tr.t("training-field-kind"), FieldKind::Select, form, e, tr)
            .required()
            .choices(kinds)
            .hint(tr.t("training-hint-kind")),
        Field::new("description", tr.t("training-field-description"), FieldKind::TextArea, form, e, tr)
            .maxlength(MAX_DESCRIPTION)
            .hint(tr.t("training-hint-description")),
        Field::new("every_months", tr.t("training-field-every_months"), FieldKind::Number, form, e, tr)
            .hint(tr.tn("training-hint-every_months", MAX_EVERY_MONTHS)),
        Field::new("audience", tr.t("training-field-audience"), FieldKind::Radio, form, e, tr)
            .required()
            .choices(audiences),
        Field::new("units", tr.t("training-field-units"), FieldKind::MultiCheck, form, e, tr)
            .choices(lk.unit_choices(None))
            .hint(tr.t("training-hint-units")),
        Field::new("people", tr.t("training-field-people"), FieldKind::MultiCheck, form, e, tr)
            .choices(staff_choices(lk))
            .hint(tr.t("training-hint-people")),
    ]
}

async fn form_page(
    state: &AppState,
    user: &CurrentUser,
    editing: Option<(i64, &str)>,
    form: &FormData,
    e: &Errors,
) -> Result<FormPage, AppError> {
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut ctx = Ctx::new(state, user, "/governance/training", String::new());
    ctx.title = match editing {
        Some((_, name)) => ctx.tr.ts("training-edit-title", "name", name),
        None => ctx.tr.t("training-new-title"),
    };
    let fields = fields(form, e, &lk, &ctx.tr);
    let error_summary = summary(&fields);
    if !error_summary.is_empty() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    let (action, cancel) = match editing {
        Some((id, _)) => (format!("/governance/training/{id}/edit"), format!("/governance/training/{id}")),
        None => ("/governance/training/new".to_owned(), "/governance/training".to_owned()),
    };
    Ok(FormPage { ctx, action, cancel, fields, error_summary })
}

pub async fn new_form(user: CurrentUser, State(state): State<AppState>) -> Result<FormPage, AppError> {
    user.require(user.role.edits_all_content())?;
    let mut form = FormData::default();
    form.set("kind", CourseKind::CyberHygiene.code());
    form.set("audience", Audience::AllStaff.code());
    form.set("every_months", "12");
    form_page(&state, &user, None, &form, &Errors::default()).await
}

/// The ids a group of check boxes gives, each of which `known` must accept.
fn ids(form: &FormData, name: &str, known: impl Fn(i64) -> bool, e: &mut Errors) -> Vec<i64> {
    let mut out = Vec::new();
    for v in form.all(name) {
        match crate::web::forms::optional_id(v, &known) {
            Ok(Some(id)) if !out.contains(&id) => out.push(id),
            Ok(_) => {}
            Err(err) => e.add(name, err),
        }
    }
    out
}

/// Reads the form: the units and the people (staff) must be in the registers.
async fn read(state: &AppState, user: &CurrentUser, form: &FormData) -> Result<Result<CourseInput, Errors>, AppError> {
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut e = Errors::default();
    let units = ids(form, "units", |u| lk.unit(u).is_some(), &mut e);
    let people = ids(form, "people", |p| lk.person(p).is_some_and(|p| p.kind == ContactKind::Staff), &mut e);
    let draft = Draft {
        name: form.text("name"),
        kind: form.text("kind"),
        description: form.text("description"),
        every_months: form.text("every_months"),
        audience: form.text("audience"),
        units,
        people,
    };
    Ok(match use_cases::check(draft) {
        Ok(c) if e.is_empty() => Ok(c),
        Ok(_) => Err(e),
        Err(found) => {
            e.absorb(found);
            Err(e)
        }
    })
}

pub async fn create(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    user.require(user.role.edits_all_content())?;
    match read(&state, &user, &form).await? {
        Ok(c) => {
            let id = use_cases::create(&state.db, &user.actor(), &c).await?;
            Ok(Redirect::to(&format!("/governance/training/{id}?msg=created")).into_response())
        }
        Err(e) => {
            let page = form_page(&state, &user, None, &form, &e).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// A course's details as they stand, as the form and the audit trail take them.
pub(super) fn input_of(c: &CourseView) -> CourseInput {
    CourseInput {
        name: c.course.name.clone(),
        kind: c.course.kind,
        description: c.course.description.clone(),
        every_months: c.course.every_months,
        audience: c.course.audience,
        unit_ids: c.unit_ids.clone(),
        person_ids: c.person_ids.clone(),
    }
}

async fn course(state: &AppState, user: &CurrentUser, id: &str) -> Result<CourseView, AppError> {
    let id = parse_id(id)?;
    let mut reg = crate::services::governance::training::load(&state.db, user.org_id).await?;
    let at = reg.courses.iter().position(|c| c.course.id == id).ok_or(AppError::NotFound)?;
    Ok(reg.courses.swap_remove(at))
}

pub async fn edit_form(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<FormPage, AppError> {
    user.require(user.role.edits_all_content())?;
    let c = course(&state, &user, &id).await?;
    let i = input_of(&c);
    let mut pairs = vec![
        ("name".to_owned(), i.name.clone()),
        ("kind".to_owned(), i.kind.code().to_owned()),
        ("description".to_owned(), i.description.clone().unwrap_or_default()),
        ("every_months".to_owned(), i.every_months.map(|n| n.to_string()).unwrap_or_default()),
        ("audience".to_owned(), i.audience.code().to_owned()),
    ];
    pairs.extend(i.unit_ids.iter().map(|u| ("units".to_owned(), u.to_string())));
    pairs.extend(i.person_ids.iter().map(|p| ("people".to_owned(), p.to_string())));
    let form = FormData::from_pairs(pairs);
    form_page(&state, &user, Some((c.course.id, &c.course.name)), &form, &Errors::default()).await
}

pub async fn update(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    user.require(user.role.edits_all_content())?;
    let c = course(&state, &user, &id).await?;
    match read(&state, &user, &form).await? {
        Ok(new) => {
            use_cases::update(&state.db, &user.actor(), c.course.id, &input_of(&c), &new).await?;
            Ok(Redirect::to(&format!("/governance/training/{}?msg=saved", c.course.id)).into_response())
        }
        Err(e) => {
            let page = form_page(&state, &user, Some((c.course.id, &c.course.name)), &form, &e).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}
