//! Importing a register from a spreadsheet: the page with the upload and the template, the
//! preview of an uploaded file (kept server-side for its user for an hour, under a random token),
//! with the column mapping to change, and "Spara" (a file of more than 500 rows is stored in the
//! background, on its job's page). Only those who edit every register's content (the coordinator
//! and the administrator) import.

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

use crate::platform::i18n::Tr;
use crate::services::organisation::import::{self, Kind, Preview};
use crate::store::imports;
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::page::Ctx;
use crate::web::register::Query_;
use crate::web::routes::Routes;

/// A register that can be imported into.
pub trait Importing: Send + Sync + 'static {
    const KIND: Kind;
}
impl Importing for super::people::People {
    const KIND: Kind = Kind::People;
}
impl Importing for super::units::Units {
    const KIND: Kind = Kind::Units;
}
impl Importing for super::suppliers::Suppliers {
    const KIND: Kind = Kind::Suppliers;
}
impl Importing for super::systems::Systems {
    const KIND: Kind = Kind::Systems;
}
impl Importing for super::activities::Activities {
    const KIND: Kind = Kind::Activities;
}
impl Importing for super::resources::Resources {
    const KIND: Kind = Kind::Resources;
}
impl Importing for super::dependencies::Dependencies {
    const KIND: Kind = Kind::Dependencies;
}
impl Importing for super::assets::Assets {
    const KIND: Kind = Kind::Assets;
}

/// The pages of one register's import (the upload itself is among the larger uploads).
pub fn routes<R: Importing>(r: Routes) -> Routes {
    let base = format!("/{}/import", R::KIND.slug());
    r.get(&base, page::<R>)
        .get(&format!("{base}/template"), template::<R>)
        .get(&format!("{base}/{{token}}"), preview::<R>)
        .post(&format!("{base}/{{token}}"), apply::<R>)
}

#[derive(Template, WebTemplate)]
#[template(path = "organisation/import.html")]
pub struct ImportPage {
    pub ctx: Ctx,
    pub slug: &'static str,
    pub list_title: String,
    pub headings: Vec<String>,
    pub import_error: Option<String>,
}

/// A record the file changes: its link, name, row and (field, before, after).
pub struct ChangedView {
    pub href: String,
    pub name: String,
    pub row: String,
    pub fields: Vec<(String, String, String)>,
}

/// One column of the file and the field it fills, with the choices.
pub struct ColumnView {
    pub index: usize,
    pub heading: String,
    pub choices: Vec<(String, String, bool)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "organisation/import_preview.html")]
pub struct PreviewPage {
    pub ctx: Ctx,
    pub slug: &'static str,
    pub list_title: String,
    pub action: String,
    pub file_name: String,
    pub columns: Vec<ColumnView>,
    pub counts: Vec<String>,
    pub errors: Vec<String>,
    /// (name, "rad 7")
    pub added: Vec<(String, String)>,
    pub changed: Vec<ChangedView>,
    pub missing: Vec<(i64, String)>,
    pub missing_heading: String,
}

fn ctx_for(state: &AppState, user: &CurrentUser, kind: Kind, title_id: &str) -> Ctx {
    let tr = Tr::new(state.catalog.clone(), user.lang);
    Ctx::new(
        state,
        user,
        &format!("/{}", kind.slug()),
        format!("{}: {}", tr.t(title_id), tr.t(&format!("{}-title", kind.slug()))),
    )
}

fn import_page(state: &AppState, user: &CurrentUser, kind: Kind, import_error: Option<String>) -> ImportPage {
    let mut ctx = ctx_for(state, user, kind, "import-title");
    if import_error.is_some() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    ImportPage {
        slug: kind.slug(),
        list_title: ctx.tr.t(&format!("{}-title", kind.slug())),
        headings: kind.fields().iter().map(|f| f.heading.to_owned()).collect(),
        import_error,
        ctx,
    }
}

pub async fn page<R: Importing>(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
) -> Result<Response, AppError> {
    user.require(user.role.edits_all_content())?;
    let mut p = import_page(&state, &user, R::KIND, None);
    if q.get("msg").map(String::as_str) == Some("imported") {
        let n = |k: &str| q.get(k).and_then(|v| v.parse::<i64>().ok()).unwrap_or(0);
        let (added, changed) =
            (p.ctx.tr.tn("import-count-new", n("new")), p.ctx.tr.tn("import-count-changed", n("changed")));
        p.ctx.flash = Some(p.ctx.tr.args("import-stored", &[("added", &added), ("changed", &changed)]));
    }
    Ok(p.into_response())
}

/// The register's template as an xlsx file.
pub async fn template<R: Importing>(user: CurrentUser) -> Result<Response, AppError> {
    user.require(user.role.edits_all_content())?;
    let bytes = import::template::workbook(R::KIND).map_err(|e| AppError::Internal(e.to_string()))?;
    let name = format!("mall-{}.xlsx", R::KIND.slug());
    let disposition = format!("attachment; filename=\"{name}\"");
    let kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    Ok(([(header::CONTENT_TYPE, kind.to_owned()), (header::CONTENT_DISPOSITION, disposition)], bytes).into_response())
}

/// Reads the upload; a file that is read is kept and its preview shown, another refused here.
pub async fn upload<R: Importing>(
    user: CurrentUser,
    State(state): State<AppState>,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    user.require(user.role.edits_all_content())?;
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let refused = |message: String| {
        (StatusCode::UNPROCESSABLE_ENTITY, import_page(&state, &user, R::KIND, Some(message))).into_response()
    };
    let (name, bytes) = match crate::web::classification::evidence::read(&mut multipart, &user.csrf).await? {
        Ok(file) => file,
        Err(e) => return Ok(refused(crate::web::forms::error_text(&e, &tr))),
    };
    if let Err(r) = import::read::read(&name, &bytes) {
        return Ok(refused(import::refusal(&r, &tr)));
    }
    let mut conn = state.db.pool.acquire().await?;
    let token = imports::keep_upload(&mut conn, user.org_id, user.id, R::KIND.slug(), &name, &bytes).await?;
    Ok(Redirect::to(&format!("/{}/import/{token}", R::KIND.slug())).into_response())
}

/// The columns chosen on the preview (`col0=name` …); "-" ignores a column.
fn chosen(get: impl Fn(&str) -> Option<String>) -> HashMap<usize, String> {
    (0..import::read::MAX_COLUMNS)
        .filter_map(|i| get(&format!("col{i}")).map(|v| (i, if v == "-" { String::new() } else { v })))
        .collect()
}

async fn kept(state: &AppState, user: &CurrentUser, kind: Kind, token: &str) -> Result<imports::Upload, AppError> {
    let up = imports::upload(&state.db.pool, user.org_id, user.id, token).await?.ok_or(AppError::NotFound)?;
    if up.register != kind.slug() {
        return Err(AppError::NotFound);
    }
    Ok(up)
}

pub async fn preview<R: Importing>(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(token): Path<String>,
    Query(q): Query<Query_>,
) -> Result<Response, AppError> {
    user.require(user.role.edits_all_content())?;
    let up = kept(&state, &user, R::KIND, &token).await?;
    let outcome =
        import::preview(&state.db, user.org_id, R::KIND, (&up.file_name, &up.content), &chosen(|k| q.get(k).cloned()))
            .await?;
    let p = outcome.map_err(|_| AppError::NotFound)?;
    let ctx = ctx_for(&state, &user, R::KIND, "import-preview-title");
    Ok(preview_page(ctx, R::KIND, &token, &up.file_name, &p).into_response())
}

pub async fn apply<R: Importing>(
    State(state): State<AppState>,
    Path(token): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, tr } = posted;
    user.require(user.role.edits_all_content())?;
    let up = kept(&state, &user, R::KIND, &token).await?;
    let chosen = chosen(|k| form.get(k).map(str::to_owned));
    if import::in_background((&up.file_name, &up.content)) {
        let job = import::start_apply(&state.db, user.actor(), R::KIND, (token, up), chosen, tr).await?;
        return Ok(Redirect::to(&format!("/jobs/{job}")).into_response());
    }
    let file = (up.file_name.as_str(), up.content.as_slice());
    let p = import::apply(&state.db, &user.actor(), R::KIND, file, &chosen).await?.map_err(|_| AppError::NotFound)?;
    if !p.stored {
        let mut ctx = ctx_for(&state, &user, R::KIND, "import-preview-title");
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
        let page = preview_page(ctx, R::KIND, &token, &up.file_name, &p);
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    imports::drop_upload(&state.db.pool, &token).await?;
    let to = format!("/{}/import?msg=imported&new={}&changed={}", R::KIND.slug(), p.added.len(), p.changed.len());
    Ok(Redirect::to(&to).into_response())
}

fn column_views(kind: Kind, p: &Preview, tr: &Tr) -> Vec<ColumnView> {
    p.headings
        .iter()
        .enumerate()
        .map(|(index, heading)| {
            let current = p.mapping.get(index).copied().flatten();
            let mut choices = vec![("-".to_owned(), tr.t("import-ignore"), current.is_none())];
            choices.extend(kind.fields().iter().map(|f| (f.key.to_owned(), tr.t(f.label_id), current == Some(f.key))));
            ColumnView { index, heading: heading.clone(), choices }
        })
        .collect()
}

fn preview_page(ctx: Ctx, kind: Kind, token: &str, file_name: &str, p: &Preview) -> PreviewPage {
    let tr = &ctx.tr;
    let empty = |v: &str| if v.is_empty() { tr.t("import-empty-value") } else { v.to_owned() };
    PreviewPage {
        slug: kind.slug(),
        list_title: tr.t(&format!("{}-title", kind.slug())),
        action: format!("/{}/import/{token}", kind.slug()),
        file_name: file_name.to_owned(),
        columns: column_views(kind, p, tr),
        counts: vec![
            tr.tn("import-count-new", p.added.len() as i64),
            tr.tn("import-count-changed", p.changed.len() as i64),
            tr.tn("import-count-unchanged", p.unchanged as i64),
            tr.tn("import-count-errors", p.errors.len() as i64),
        ],
        errors: p.errors.iter().map(|e| import::row_error_text(e, tr)).collect(),
        added: p.added.iter().map(|a| (a.name.clone(), tr.tn("import-row", a.row as i64))).collect(),
        changed: p
            .changed
            .iter()
            .map(|c| {
                let fields =
                    c.changes.iter().map(|ch| (tr.t(ch.label_id), empty(&ch.before), empty(&ch.after))).collect();
                ChangedView {
                    href: format!("/{}/{}", kind.slug(), c.id),
                    name: c.name.clone(),
                    row: tr.tn("import-row", c.row as i64),
                    fields,
                }
            })
            .collect(),
        missing: p.missing.clone(),
        missing_heading: tr.tn("import-count-missing", p.missing.len() as i64),
        ctx,
    }
}
