//! The municipality's own changes to the requirement catalogue: its own requirements (create,
//! edit, delete) and ours turned off with a reason (and on again). Every change is audited and
//! raises the local revision that is recorded with each classification and assessment.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::classification::{Aspect, LegalFlag};
use beredd_domain::text;

use crate::platform::i18n::{Lang, Tr};
use crate::services::classification::local_requirements::{self as local, Draft};
use crate::services::invalid::Invalid;
use crate::store::local_requirements::LocalRequirement;
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Choice, Errors, Field, FieldKind, FormData};
use crate::web::page::Ctx;
use crate::web::register::FormPage;

fn rule_choices(tr: &Tr) -> Vec<Choice> {
    let mut out = vec![Choice { value: "baseline".into(), label: tr.t("applies-baseline"), depth: 0 }];
    for a in Aspect::ALL {
        for level in 1..=4 {
            out.push(Choice {
                value: format!("{}{level}", a.code()),
                label: tr.ts("applies-level", "what", &format!("{} {level}", tr.t(a.label_id()))),
                depth: 0,
            });
        }
    }
    for f in LegalFlag::ALL {
        out.push(Choice { value: format!("flag:{}", f.code()), label: tr.t(&f.label_id()), depth: 0 });
    }
    out
}

fn fields(state: &AppState, form: &FormData, errors: &Errors, tr: &Tr, new: bool) -> Vec<Field> {
    let areas = state
        .catalogue
        .areas
        .iter()
        .map(|a| Choice {
            value: a.id.clone(),
            label: if tr.lang == Lang::En { a.name_en.clone() } else { a.name_sv.clone() },
            depth: 0,
        })
        .collect();
    let mut v = Vec::new();
    if new {
        v.push(
            Field::new("requirement_id", tr.t("requirements-id"), FieldKind::Text, form, errors, tr)
                .required()
                .maxlength(20)
                .hint(tr.t("hint-local-id")),
        );
    }
    v.extend([
        Field::new("area", tr.t("requirements-area"), FieldKind::Select, form, errors, tr).required().choices(areas),
        Field::new("title", tr.t("field-name"), FieldKind::Text, form, errors, tr).required().maxlength(200),
        Field::new("is_text", tr.t("requirements-is"), FieldKind::TextArea, form, errors, tr)
            .required()
            .maxlength(2000),
        Field::new("shall_text", tr.t("requirements-shall"), FieldKind::TextArea, form, errors, tr)
            .required()
            .maxlength(2000),
        Field::new("guidance", tr.t("requirements-guidance"), FieldKind::TextArea, form, errors, tr).maxlength(4000),
        Field::new("applies", tr.t("requirements-applies"), FieldKind::Select, form, errors, tr)
            .required()
            .choices(rule_choices(tr)),
        Field::new("refs", tr.t("ref-local"), FieldKind::Text, form, errors, tr)
            .maxlength(500)
            .hint(tr.t("hint-local-refs")),
    ]);
    v
}

fn form_page(state: &AppState, user: &CurrentUser, id: Option<&str>, form: &FormData, errors: &Errors) -> FormPage {
    let mut ctx = Ctx::new(state, user, "/requirements", String::new());
    ctx.title = match id {
        None => ctx.tr.t("local-new"),
        Some(id) => ctx.tr.ts("local-edit", "id", id),
    };
    let fields = fields(state, form, errors, &ctx.tr, id.is_none());
    let (action, cancel) = match id {
        None => ("/requirements/new".to_owned(), "/requirements".to_owned()),
        Some(id) => (format!("/requirements/{id}/edit"), format!("/requirements/{id}")),
    };
    FormPage::new(ctx, action, cancel, fields)
}

fn draft(form: &FormData) -> Draft<'_> {
    Draft {
        requirement_id: form.text("requirement_id"),
        area: form.text("area"),
        title: form.text("title"),
        is_text: form.text("is_text"),
        shall_text: form.text("shall_text"),
        guidance: form.text("guidance"),
        applies: form.text("applies"),
        refs: form.text("refs"),
    }
}

pub async fn new_form(user: CurrentUser, State(state): State<AppState>) -> Result<FormPage, AppError> {
    user.require(user.role.edits_all_content())?;
    let mut form = FormData::default();
    form.set("requirement_id", "EGEN-");
    form.set("applies", "baseline");
    Ok(form_page(&state, &user, None, &form, &Errors::default()))
}

async fn find(state: &AppState, org: i64, id: &str) -> Result<LocalRequirement, AppError> {
    local::find(&state.db.pool, org, id).await?.ok_or(AppError::NotFound)
}

fn refused(state: &AppState, user: &CurrentUser, id: Option<&str>, form: &FormData, e: Invalid) -> Response {
    (StatusCode::UNPROCESSABLE_ENTITY, form_page(state, user, id, form, &Errors::from(e))).into_response()
}

pub async fn create(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    user.require(user.role.edits_all_content())?;
    let parsed =
        local::parse_new(&state.db.pool, &state.catalogue, user.org_id, &draft(&form), &user.display_name).await?;
    let r = match parsed {
        Ok(r) => r,
        Err(e) => return Ok(refused(&state, &user, None, &form, e)),
    };
    if !local::create(&state.db, &user.actor(), &r).await? {
        let taken = Invalid::default().with("requirement_id", beredd_domain::FieldError::Duplicate);
        return Ok(refused(&state, &user, None, &form, taken));
    }
    Ok(Redirect::to(&format!("/requirements/{}?msg=created", r.requirement_id)).into_response())
}

pub async fn edit_form(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<FormPage, AppError> {
    user.require(user.role.edits_all_content())?;
    let r = find(&state, user.org_id, &id).await?;
    let form = FormData::from_pairs(vec![
        ("area".into(), r.area),
        ("title".into(), r.title),
        ("is_text".into(), r.is_text),
        ("shall_text".into(), r.shall_text),
        ("guidance".into(), r.guidance.unwrap_or_default()),
        ("applies".into(), r.applies),
        ("refs".into(), r.refs.unwrap_or_default()),
    ]);
    Ok(form_page(&state, &user, Some(&id), &form, &Errors::default()))
}

pub async fn update(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    user.require(user.role.edits_all_content())?;
    let before = find(&state, user.org_id, &id).await?;
    let r = match local::parse(&draft(&form), &state.catalogue, &user.display_name) {
        Ok(r) => r,
        Err(e) => return Ok(refused(&state, &user, Some(&id), &form, e)),
    };
    local::update(&state.db, &user.actor(), &before, r).await?;
    Ok(Redirect::to(&format!("/requirements/{id}?msg=saved")).into_response())
}

pub async fn delete(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let user = posted.user;
    user.require(user.role.edits_all_content())?;
    let before = find(&state, user.org_id, &id).await?;
    local::delete(&state.db, &user.actor(), &before).await?;
    Ok(Redirect::to("/requirements?msg=deleted").into_response())
}

/// Turns one of the catalogue's requirements off for this organisation; a reason is required.
pub async fn disable(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    user.require(user.role.edits_all_content())?;
    let r = state.catalogue.get(&id).ok_or(AppError::NotFound)?;
    let Ok(Some(reason)) = text::optional_text(form.text("reason"), 2000) else {
        // Shown at the reason field of the requirement's page; nothing is stored.
        return Ok(Redirect::to(&format!("/requirements/{}?error=reason", r.id)).into_response());
    };
    local::disable(&state.db, &user.actor(), &user.display_name, r, &reason).await?;
    Ok(Redirect::to(&format!("/requirements/{}?msg=saved", r.id)).into_response())
}

pub async fn enable(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let user = posted.user;
    user.require(user.role.edits_all_content())?;
    let r = state.catalogue.get(&id).ok_or(AppError::NotFound)?;
    local::enable(&state.db, &user.actor(), r).await?;
    Ok(Redirect::to(&format!("/requirements/{}?msg=saved", r.id)).into_response())
}
