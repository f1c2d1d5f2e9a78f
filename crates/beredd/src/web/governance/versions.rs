//! A steering document's versions: a new one as text or as a file (those who edit all content),
//! an earlier one shown, a file downloaded (sandboxed, as the evidence files are), and two text
//! versions compared line by line with the plans' diff.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::document::{Block, blocks, lines};
use beredd_domain::plan::{DiffLine, diff as line_diff};
use beredd_domain::upload;

use super::documents::{load, readable, version_view, viewer};
use crate::services::governance::documents::{self as use_cases, check_text};
use crate::store::documents::{self, NewVersion, Version};
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::classification::evidence::{file_response, read as read_upload};
use crate::web::error::AppError;
use crate::web::forms::{Errors, Field, FieldKind, FormData, error_text, summary};
use crate::web::page::Ctx;
use crate::web::register::Query_;

#[derive(Template, WebTemplate)]
#[template(path = "governance/version_new.html")]
pub struct NewVersionPage {
    pub ctx: Ctx,
    pub id: i64,
    pub next: i64,
    pub fields: Vec<Field>,
    pub error_summary: Vec<(String, String)>,
    /// Why the file was refused.
    pub file_error: Option<String>,
}

async fn new_page(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    form: Option<&FormData>,
    e: &Errors,
    file_error: Option<String>,
) -> Result<NewVersionPage, AppError> {
    let (reg, person) = load(state, user).await?;
    let d = readable(&reg, &viewer(user, person), id)?;
    let mut ctx = Ctx::new(state, user, "/governance/documents", String::new());
    ctx.title = ctx.tr.ts("document-version-new-title", "title", &d.doc.title);
    // The new version starts as the current text, so that a change is made where it is.
    let mut start = FormData::default();
    start.set("body", d.current.as_ref().and_then(|c| c.body.clone()).unwrap_or_default());
    let form = form.unwrap_or(&start);
    let tr = &ctx.tr;
    let fields = vec![
        Field::new("body", tr.t("document-field-body"), FieldKind::TextArea, form, e, tr)
            .required()
            .maxlength(beredd_domain::document::MAX_TEXT),
        Field::new("note", tr.t("document-field-note"), FieldKind::Text, form, e, tr)
            .maxlength(300)
            .hint(tr.t("document-hint-note")),
    ];
    let error_summary = summary(&fields);
    if !error_summary.is_empty() || file_error.is_some() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    let next = d.current.as_ref().map(|c| c.number).unwrap_or(0) + 1;
    Ok(NewVersionPage { id: d.doc.id, next, fields, error_summary, file_error, ctx })
}

pub async fn new_form(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<NewVersionPage, AppError> {
    user.require(user.role.edits_all_content())?;
    new_page(&state, &user, &id, None, &Errors::default(), None).await
}

pub async fn add_text(
    State(state): State<AppState>,
    Path(id): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    user.require(user.role.edits_all_content())?;
    let (reg, person) = load(&state, &user).await?;
    let d = readable(&reg, &viewer(&user, person), &id)?;
    match check_text(form.text("body"), form.text("note")) {
        Ok((body, note)) => {
            let v = NewVersion { body: Some(&body), note: note.as_deref(), file: None };
            use_cases::add_version(&state.db, &user.actor(), &d.doc, &v, &user.display_name).await?;
            Ok(Redirect::to(&format!("/governance/documents/{}?msg=created", d.doc.id)).into_response())
        }
        Err(found) => {
            let page = new_page(&state, &user, &id, Some(&form), &found.into(), None).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

pub async fn upload(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    user.require(user.role.edits_all_content())?;
    let (reg, person) = load(&state, &user).await?;
    let d = readable(&reg, &viewer(&user, person), &id)?;
    let checked = read_upload(&mut multipart, &user.csrf)
        .await?
        .and_then(|(name, bytes)| upload::accept(&name, &bytes).map(|a| (a, bytes)));
    match checked {
        Ok((accepted, bytes)) => {
            let v =
                NewVersion { body: None, note: None, file: Some((&accepted.file_name, accepted.content_type, &bytes)) };
            use_cases::add_version(&state.db, &user.actor(), &d.doc, &v, &user.display_name).await?;
            Ok(Redirect::to(&format!("/governance/documents/{}?msg=uploaded", d.doc.id)).into_response())
        }
        Err(e) => {
            let tr = crate::platform::i18n::Tr::new(state.catalog.clone(), user.lang);
            let message = format!("{}: {}", tr.t("document-field-file"), error_text(&e, &tr));
            let page = new_page(&state, &user, &id, None, &Errors::default(), Some(message)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// The version numbered `n` of a document the user may read.
async fn version(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    n: &str,
) -> Result<(documents::Key, String, Version, Vec<Version>), AppError> {
    let (reg, person) = load(state, user).await?;
    let d = readable(&reg, &viewer(user, person), id)?;
    let all = documents::versions(&state.db.pool, d.doc.key()).await?;
    let n = n.parse::<i64>().map_err(|_| AppError::NotFound)?;
    let v = all.iter().find(|v| v.number == n).cloned().ok_or(AppError::NotFound)?;
    Ok((d.doc.key(), d.doc.title.clone(), v, all))
}

#[derive(Template, WebTemplate)]
#[template(path = "governance/version.html")]
pub struct VersionPage {
    pub ctx: Ctx,
    pub id: i64,
    pub version: super::documents::VersionView,
    pub blocks: Vec<Block>,
}

pub async fn show(
    user: CurrentUser,
    State(state): State<AppState>,
    Path((id, n)): Path<(String, String)>,
) -> Result<VersionPage, AppError> {
    let (id, title, v, all) = version(&state, &user, &id, &n).await?;
    let mut ctx = Ctx::new(&state, &user, "/governance/documents", String::new());
    ctx.title = ctx.tr.args("document-version-title", &[("title", &title), ("n", &v.number.to_string())]);
    Ok(VersionPage {
        id: id.id(),
        blocks: v.body.as_deref().map(blocks).unwrap_or_default(),
        version: version_view(&v, &all),
        ctx,
    })
}

/// A file version, as an attachment a browser never runs.
pub async fn file(
    user: CurrentUser,
    State(state): State<AppState>,
    Path((id, n)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let (doc, _, v, _) = version(&state, &user, &id, &n).await?;
    let (Some(name), Some(kind)) = (&v.file_name, &v.content_type) else { return Err(AppError::NotFound) };
    let bytes = documents::file_content(&state.db.pool, doc, v.id).await?.ok_or(AppError::NotFound)?;
    Ok(file_response(name, kind, bytes))
}

pub struct DiffRow {
    /// "same", "added" or "removed".
    pub kind: &'static str,
    pub text: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "governance/document_diff.html")]
pub struct DiffPage {
    pub ctx: Ctx,
    pub id: i64,
    pub numbers: Vec<i64>,
    pub from: i64,
    pub to: i64,
    pub rows: Vec<DiffRow>,
    pub summary: String,
}

/// Two text versions compared (by default the newest with the one before it).
pub async fn diff(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<Query_>,
) -> Result<DiffPage, AppError> {
    let (reg, person) = load(&state, &user).await?;
    let d = readable(&reg, &viewer(&user, person), &id)?;
    let all: Vec<Version> =
        documents::versions(&state.db.pool, d.doc.key()).await?.into_iter().filter(|v| v.body.is_some()).collect();
    let numbers: Vec<i64> = all.iter().map(|v| v.number).collect();
    let newest = numbers.first().copied().ok_or(AppError::NotFound)?;
    let pick = |k: &str, default: i64| -> Result<i64, AppError> {
        match q.get(k) {
            Some(v) => v.parse::<i64>().ok().filter(|n| numbers.contains(n)).ok_or(AppError::NotFound),
            None => Ok(default),
        }
    };
    let to = pick("to", newest)?;
    let from = pick("from", numbers.iter().copied().find(|n| *n < to).unwrap_or(to))?;
    let text = |n: i64| all.iter().find(|v| v.number == n).and_then(|v| v.body.as_deref()).unwrap_or_default();
    let (a, b) = (lines(text(from)), lines(text(to)));
    let rows: Vec<DiffRow> = line_diff(&a, &b)
        .into_iter()
        .map(|l| match l {
            DiffLine::Same(t) => DiffRow { kind: "same", text: t.to_owned() },
            DiffLine::Added(t) => DiffRow { kind: "added", text: t.to_owned() },
            DiffLine::Removed(t) => DiffRow { kind: "removed", text: t.to_owned() },
        })
        .collect();
    let mut ctx = Ctx::new(&state, &user, "/governance/documents", String::new());
    ctx.title = ctx.tr.ts("document-diff-title", "title", &d.doc.title);
    let added = rows.iter().filter(|r| r.kind == "added").count() as i64;
    let removed = rows.iter().filter(|r| r.kind == "removed").count() as i64;
    let summary = format!("{} {}", ctx.tr.tn("plan-diff-added", added), ctx.tr.tn("plan-diff-removed", removed));
    Ok(DiffPage { id: d.doc.id, numbers, from, to, rows, summary, ctx })
}
