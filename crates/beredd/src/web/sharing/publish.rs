//! The form that publishes a copy to the shared library: what will be shared shown in full, the
//! title (and a lesson's text) to review, and whether the organisation's name is shown. Only
//! those who edit all content (administrators and coordinators) publish.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::sharing::SharedKind;

use super::{Part, preview};
use crate::services::sharing::{self as use_cases, Copy, Proposal, Publishing};
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Errors, Field, FieldKind, FormData, summary};
use crate::web::page::Ctx;

#[derive(Template, WebTemplate)]
#[template(path = "sharing/publish.html")]
pub struct PublishPage {
    pub ctx: Ctx,
    pub action: String,
    pub back: String,
    /// What is left behind and what to check, for this kind.
    pub warning: String,
    pub fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
    pub parts: Vec<Part>,
}

fn fields(p: &Proposal, form: &FormData, errors: &Errors, tr: &crate::platform::i18n::Tr) -> Vec<Field> {
    let mut v = vec![
        Field::new("title", tr.t("shared-field-title"), FieldKind::Text, form, errors, tr).required().maxlength(200),
    ];
    if matches!(p.copy, Copy::Lesson(_)) {
        v.push(
            Field::new("text", tr.t("shared-part-lesson-text"), FieldKind::TextArea, form, errors, tr)
                .required()
                .maxlength(4000)
                .hint(tr.t("shared-lesson-text-hint")),
        );
    }
    v.push(
        Field::new("show_publisher", tr.t("shared-field-show-name"), FieldKind::Checkbox, form, errors, tr)
            .hint(tr.t("shared-field-show-name-hint")),
    );
    v
}

fn page(
    state: &AppState,
    user: &CurrentUser,
    p: &Proposal,
    form: &FormData,
    errors: &Errors,
    path: &str,
) -> PublishPage {
    let mut ctx = Ctx::new(state, user, "/shared", String::new());
    ctx.title = ctx.tr.ts("shared-publish-title", "title", &p.title);
    let fields = fields(p, form, errors, &ctx.tr);
    let error_summary = summary(&fields);
    ctx.mark_errors(&error_summary);
    let warning = ctx.tr.t(&format!("shared-warning-{}", p.copy.kind().code()));
    let parts = preview(&ctx.tr, &state.catalogue, &p.copy);
    PublishPage { ctx, action: format!("{path}/share"), back: p.back.clone(), warning, fields, error_summary, parts }
}

/// The user's own record of `kind` as a proposed copy, when the user may publish it.
async fn proposal(state: &AppState, user: &CurrentUser, kind: SharedKind, id: &str) -> Result<Proposal, AppError> {
    user.require(user.role.edits_all_content())?;
    use_cases::propose(&state.db, user.org_id, kind, id).await?.ok_or(AppError::NotFound)
}

async fn form(
    state: AppState,
    user: CurrentUser,
    kind: SharedKind,
    id: String,
    path: String,
) -> Result<PublishPage, AppError> {
    let p = proposal(&state, &user, kind, &id).await?;
    let mut form = FormData::default();
    form.set("title", p.title.clone());
    if let Copy::Lesson(l) = &p.copy {
        form.set("text", l.text.clone());
    }
    Ok(page(&state, &user, &p, &form, &Errors::default(), &path))
}

async fn submit(
    state: AppState,
    posted: Posted,
    kind: SharedKind,
    id: String,
    path: String,
) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    let p = proposal(&state, &user, kind, &id).await?;
    let names = use_cases::names(&state.db.pool, user.org_id).await?;
    let asked = Publishing {
        title: form.text("title"),
        lesson_text: form.text("text"),
        show_publisher: form.checked("show_publisher"),
    };
    let (title, copy) = match use_cases::check(&p, &asked, &names) {
        Ok(checked) => checked,
        Err(e) => {
            let page = page(&state, &user, &p, &form, &Errors::from(e), &path);
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    use_cases::publish(&state.db, &user.actor(), &user.display_name, &title, &copy, asked.show_publisher).await?;
    Ok(Redirect::to("/shared?msg=published").into_response())
}

pub async fn plan_form(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<PublishPage, AppError> {
    let path = format!("/plans/{id}");
    form(state, user, SharedKind::PlanTemplate, id, path).await
}

pub async fn plan_submit(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let path = format!("/plans/{id}");
    submit(state, posted, SharedKind::PlanTemplate, id, path).await
}

pub async fn lesson_form(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<PublishPage, AppError> {
    let path = format!("/lessons/{id}");
    form(state, user, SharedKind::Lesson, id, path).await
}

pub async fn lesson_submit(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let path = format!("/lessons/{id}");
    submit(state, posted, SharedKind::Lesson, id, path).await
}

pub async fn requirement_form(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<PublishPage, AppError> {
    let path = format!("/requirements/{id}");
    form(state, user, SharedKind::Requirement, id, path).await
}

pub async fn requirement_submit(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let path = format!("/requirements/{id}");
    submit(state, posted, SharedKind::Requirement, id, path).await
}
