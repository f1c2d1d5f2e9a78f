//! The municipality's own changes to the requirement catalogue: its own requirements (create,
//! edit, delete) and ours turned off with a reason (and on again). Every change is audited and
//! raises the local revision that is recorded with each classification and assessment.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::classification::{Aspect, LegalFlag};
use beredd_domain::{FieldError, text};

use crate::platform::i18n::{Lang, Tr};
use crate::store::{audit, local_requirements as local};
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

/// An id of our own: 2–20 capital letters, digits and dashes, not one of the catalogue's.
fn parse_id(input: &str) -> Result<String, FieldError> {
    let s = input.trim().to_uppercase();
    if s.is_empty() {
        return Err(FieldError::Required);
    }
    if s.chars().count() < 2 || s.chars().count() > 20 || !s.chars().all(|c| c.is_alphanumeric() || c == '-') {
        return Err(FieldError::Choice);
    }
    Ok(s)
}

fn parse(state: &AppState, form: &FormData, user: &CurrentUser) -> Result<local::LocalRequirement, Errors> {
    let mut e = Errors::default();
    let area = e.take(
        "area",
        if state.catalogue.area(form.text("area")).is_some() {
            Ok(form.text("area").to_owned())
        } else {
            Err(FieldError::Choice)
        },
    );
    let title = e.take("title", text::Name::parse(form.text("title")).map(|n| n.into_string()));
    let required = |v: &str, max| text::optional_text(v, max).and_then(|t| t.ok_or(FieldError::Required));
    let is_text = e.take("is_text", required(form.text("is_text"), 2000));
    let shall_text = e.take("shall_text", required(form.text("shall_text"), 2000));
    let guidance = e.take("guidance", text::optional_text(form.text("guidance"), 4000));
    let applies = e.take(
        "applies",
        crate::content::catalogue::parse_applies(form.text("applies"))
            .map(|a| crate::content::catalogue::applies_code(&a))
            .ok_or(FieldError::Choice),
    );
    let refs = e.take("refs", text::optional_line(form.text("refs"), 500));
    if !e.is_empty() {
        return Err(e);
    }
    Ok(local::LocalRequirement {
        requirement_id: String::new(),
        area,
        title,
        is_text,
        shall_text,
        guidance,
        applies,
        refs,
        updated_by: user.display_name.clone(),
        updated_at: crate::platform::clock::stamp(),
    })
}

pub async fn new_form(user: CurrentUser, State(state): State<AppState>) -> Result<FormPage, AppError> {
    user.require(user.role.edits_all_content())?;
    let mut form = FormData::default();
    form.set("requirement_id", "EGEN-");
    form.set("applies", "baseline");
    Ok(form_page(&state, &user, None, &form, &Errors::default()))
}

async fn find(state: &AppState, org: i64, id: &str) -> Result<local::LocalRequirement, AppError> {
    local::list(&state.db.pool, org).await?.into_iter().find(|r| r.requirement_id == id).ok_or(AppError::NotFound)
}

pub async fn create(State(state): State<AppState>, posted: Posted) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    user.require(user.role.edits_all_content())?;
    let mut parsed = parse(&state, &form, &user);
    let id = match parse_id(form.text("requirement_id")) {
        Ok(id)
            if state.catalogue.get(&id).is_some()
                || local::list(&state.db.pool, user.org_id).await?.iter().any(|r| r.requirement_id == id) =>
        {
            Err(FieldError::Duplicate)
        }
        other => other,
    };
    match (&mut parsed, id) {
        (Ok(r), Ok(id)) => r.requirement_id = id,
        (Ok(_), Err(err)) => {
            let mut e = Errors::default();
            e.add("requirement_id", err);
            parsed = Err(e);
        }
        (Err(e), Err(err)) => e.add("requirement_id", err),
        (Err(_), Ok(_)) => {}
    }
    let r = match parsed {
        Ok(r) => r,
        Err(e) => {
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, form_page(&state, &user, None, &form, &e)).into_response());
        }
    };
    let mut tx = state.db.begin_write().await?;
    local::save(&mut tx, user.org_id, &r).await?;
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "create",
            entity: "requirement",
            entity_id: None,
            summary: &format!("{} {}", r.requirement_id, r.title),
            before: None,
            after: Some(&r),
        },
    )
    .await?;
    tx.commit().await?;
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
    let mut r = match parse(&state, &form, &user) {
        Ok(r) => r,
        Err(e) => {
            return Ok(
                (StatusCode::UNPROCESSABLE_ENTITY, form_page(&state, &user, Some(&id), &form, &e)).into_response()
            );
        }
    };
    r.requirement_id = before.requirement_id.clone();
    let mut tx = state.db.begin_write().await?;
    local::save(&mut tx, user.org_id, &r).await?;
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "update",
            entity: "requirement",
            entity_id: None,
            summary: &format!("{} {}", r.requirement_id, r.title),
            before: Some(&before),
            after: Some(&r),
        },
    )
    .await?;
    tx.commit().await?;
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
    let mut tx = state.db.begin_write().await?;
    local::delete(&mut tx, user.org_id, &id).await?;
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "delete",
            entity: "requirement",
            entity_id: None,
            summary: &format!("{} {}", before.requirement_id, before.title),
            before: Some(&before),
            after: None,
        },
    )
    .await?;
    tx.commit().await?;
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
    let mut tx = state.db.begin_write().await?;
    local::disable(&mut tx, user.org_id, &r.id, &reason, &user.display_name).await?;
    let after = local::disabled(&mut *tx, user.org_id).await?.into_iter().find(|d| d.requirement_id == r.id);
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "disable",
            entity: "requirement",
            entity_id: None,
            summary: &format!("{} {}", r.id, r.title_sv),
            before: None,
            after: after.as_ref(),
        },
    )
    .await?;
    tx.commit().await?;
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
    let mut tx = state.db.begin_write().await?;
    let before = local::disabled(&mut *tx, user.org_id).await?.into_iter().find(|d| d.requirement_id == r.id);
    local::enable(&mut tx, user.org_id, &r.id).await?;
    audit::record(
        &mut *tx,
        &user.actor(),
        audit::Change {
            action: "enable",
            entity: "requirement",
            entity_id: None,
            summary: &format!("{} {}", r.id, r.title_sv),
            before: before.as_ref(),
            after: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/requirements/{}?msg=saved", r.id)).into_response())
}
