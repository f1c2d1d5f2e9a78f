//! Importing classifications from a KLASSA export: the page with the template and the upload,
//! the preview (the file kept server-side for its user for an hour, under a random token, as a
//! register import keeps it) with the column mapping to change, and "Spara". Only those who
//! edit all content (the coordinator and the administrator) import.

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};

use crate::platform::i18n::Tr;
use crate::services::classification::klassa::{self, FIELDS, Preview, SLUG};
use crate::services::organisation::import::{self, template};
use crate::store::imports;
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::organisation::import::ColumnView;
use crate::web::page::Ctx;
use crate::web::register::Query_;

const BASE: &str = "/assets/klassa";

/// The lines of the template's guidance sheet.
const NOTES: [&str; 6] = [
    "klassa-template-note-1",
    "klassa-template-note-2",
    "klassa-template-note-3",
    "klassa-template-note-4",
    "klassa-template-note-5",
    "klassa-template-note-6",
];

#[derive(Template, WebTemplate)]
#[template(path = "classification/klassa.html")]
pub struct KlassaPage {
    pub ctx: Ctx,
    pub headings: Vec<String>,
    pub import_error: Option<String>,
    /// The crosswalk: (KLASSA's kind of measure area, Beredd's areas).
    pub crosswalk: Vec<(String, String)>,
}

/// A row to be stored, as the preview shows it.
pub struct RowView {
    pub row: String,
    pub name: String,
    pub href: Option<String>,
    pub levels: String,
    pub date: String,
    pub by: String,
    pub process_code: String,
    pub motivation: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "classification/klassa_preview.html")]
pub struct PreviewPage {
    pub ctx: Ctx,
    pub action: String,
    pub file_name: String,
    pub columns: Vec<ColumnView>,
    pub counts: Vec<String>,
    pub errors: Vec<String>,
    pub rows: Vec<RowView>,
}

fn ctx_for(state: &AppState, user: &CurrentUser, title_id: &str) -> Ctx {
    let mut ctx = Ctx::new(state, user, "/assets", String::new());
    ctx.title = ctx.tr.t(title_id);
    ctx
}

fn klassa_page(state: &AppState, user: &CurrentUser, import_error: Option<String>) -> KlassaPage {
    let mut ctx = ctx_for(state, user, "klassa-title");
    if import_error.is_some() {
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
    }
    let crosswalk = crosswalk(state, &ctx.tr);
    KlassaPage { headings: FIELDS.iter().map(|f| f.heading.to_owned()).collect(), import_error, crosswalk, ctx }
}

/// The shipped crosswalk in the user's language (checked when Beredd starts).
fn crosswalk(state: &AppState, tr: &Tr) -> Vec<(String, String)> {
    let sv = tr.lang == crate::platform::i18n::Lang::Sv;
    let Ok(c) = crate::content::klassa::load(&state.catalogue) else { return Vec::new() };
    let area_name = |id: &String| {
        let a = state.catalogue.areas.iter().find(|a| &a.id == id);
        a.map(|a| if sv { a.name_sv.clone() } else { a.name_en.clone() }).unwrap_or_else(|| id.clone())
    };
    c.areas
        .iter()
        .map(|a| {
            let beredd: Vec<String> = a.beredd.iter().map(area_name).collect();
            (if sv { a.name_sv.clone() } else { a.name_en.clone() }, beredd.join(", "))
        })
        .collect()
}

pub async fn page(
    user: CurrentUser,
    State(state): State<AppState>,
    Query(q): Query<Query_>,
) -> Result<Response, AppError> {
    user.require(user.role.edits_all_content())?;
    let mut p = klassa_page(&state, &user, None);
    if q.get("msg").map(String::as_str) == Some("imported") {
        let n = |k: &str| q.get(k).and_then(|v| v.parse::<i64>().ok()).unwrap_or(0);
        let (stored, created) =
            (p.ctx.tr.tn("klassa-count-stored", n("rows")), p.ctx.tr.tn("klassa-count-new-assets", n("new")));
        p.ctx.flash = Some(p.ctx.tr.args("klassa-stored", &[("rows", &stored), ("new", &created)]));
    }
    Ok(p.into_response())
}

/// The template: the headings, an example row and a sheet of guidance.
pub async fn template(user: CurrentUser, State(state): State<AppState>) -> Result<Response, AppError> {
    user.require(user.role.edits_all_content())?;
    let sv = Tr::new(state.catalog.clone(), crate::platform::i18n::Lang::Sv);
    let notes: Vec<String> = NOTES.iter().map(|id| sv.t(id)).collect();
    let notes: Vec<&str> = notes.iter().map(String::as_str).collect();
    let t = template::Template { name: "KLASSA", fields: FIELDS, example: klassa::EXAMPLE, notes: &notes };
    let levels: Vec<String> = (0..=4).map(|l| l.to_string()).collect();
    let bytes = template::write(&t, |field| field.starts_with("level_").then(|| levels.clone()))
        .map_err(|e| AppError::Internal(e.to_string()))?;
    let disposition = "attachment; filename=\"mall-klassa.xlsx\"".to_owned();
    let kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    Ok(([(header::CONTENT_TYPE, kind.to_owned()), (header::CONTENT_DISPOSITION, disposition)], bytes).into_response())
}

/// Reads the upload; a file that is read is kept and its preview shown, another refused here.
pub async fn upload(
    user: CurrentUser,
    State(state): State<AppState>,
    mut multipart: Multipart,
) -> Result<Response, AppError> {
    user.require(user.role.edits_all_content())?;
    let tr = Tr::new(state.catalog.clone(), user.lang);
    let refused =
        |message: String| (StatusCode::UNPROCESSABLE_ENTITY, klassa_page(&state, &user, Some(message))).into_response();
    let (name, bytes) = match crate::web::classification::evidence::read(&mut multipart, &user.csrf).await? {
        Ok(file) => file,
        Err(e) => return Ok(refused(crate::web::forms::error_text(&e, &tr))),
    };
    if let Err(r) = import::read::read(&name, &bytes) {
        return Ok(refused(import::refusal(&r, &tr)));
    }
    let mut conn = state.db.pool.acquire().await?;
    let token = imports::keep_upload(&mut conn, user.org_id, user.id, SLUG, &name, &bytes).await?;
    Ok(Redirect::to(&format!("{BASE}/{token}")).into_response())
}

/// The columns chosen on the preview (`col0=name` …); "-" ignores a column.
fn chosen(get: impl Fn(&str) -> Option<String>) -> HashMap<usize, String> {
    (0..import::read::MAX_COLUMNS)
        .filter_map(|i| get(&format!("col{i}")).map(|v| (i, if v == "-" { String::new() } else { v })))
        .collect()
}

async fn kept(state: &AppState, user: &CurrentUser, token: &str) -> Result<imports::Upload, AppError> {
    let up = imports::upload(&state.db.pool, user.org_id, user.id, token).await?.ok_or(AppError::NotFound)?;
    if up.register != SLUG {
        return Err(AppError::NotFound);
    }
    Ok(up)
}

pub async fn preview(
    user: CurrentUser,
    State(state): State<AppState>,
    Path(token): Path<String>,
    Query(q): Query<Query_>,
) -> Result<Response, AppError> {
    user.require(user.role.edits_all_content())?;
    let up = kept(&state, &user, &token).await?;
    let file = (up.file_name.as_str(), up.content.as_slice());
    let chosen = chosen(|k| q.get(k).cloned());
    let p = klassa::preview(&state.db, user.org_id, file, &chosen, &user.display_name)
        .await?
        .map_err(|_| AppError::NotFound)?;
    let ctx = ctx_for(&state, &user, "klassa-preview-title");
    Ok(preview_page(ctx, &token, &up.file_name, &p).into_response())
}

pub async fn apply(
    State(state): State<AppState>,
    Path(token): Path<String>,
    posted: Posted,
) -> Result<Response, AppError> {
    let Posted { user, form, .. } = posted;
    user.require(user.role.edits_all_content())?;
    let up = kept(&state, &user, &token).await?;
    let chosen = chosen(|k| form.get(k).map(str::to_owned));
    let file = (up.file_name.as_str(), up.content.as_slice());
    let catalogue = state.catalogue_for(user.org_id).await?;
    let p = klassa::apply(&state.db, &user.actor(), &catalogue.version, file, &chosen, &user.display_name)
        .await?
        .map_err(|_| AppError::NotFound)?;
    if !p.stored {
        let mut ctx = ctx_for(&state, &user, "klassa-preview-title");
        ctx.title_prefix = Some(ctx.tr.t("error-prefix"));
        let page = preview_page(ctx, &token, &up.file_name, &p);
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    imports::drop_upload(&state.db.pool, &token).await?;
    Ok(Redirect::to(&format!("{BASE}?msg=imported&rows={}&new={}", p.rows.len(), p.new_assets)).into_response())
}

fn column_views(p: &Preview, tr: &Tr) -> Vec<ColumnView> {
    p.headings
        .iter()
        .enumerate()
        .map(|(index, heading)| {
            let current = p.mapping.get(index).copied().flatten();
            let mut choices = vec![("-".to_owned(), tr.t("import-ignore"), current.is_none())];
            choices.extend(FIELDS.iter().map(|f| (f.key.to_owned(), tr.t(f.label_id), current == Some(f.key))));
            ColumnView { index, heading: heading.clone(), choices }
        })
        .collect()
}

fn preview_page(ctx: Ctx, token: &str, file_name: &str, p: &Preview) -> PreviewPage {
    let tr = &ctx.tr;
    let rows = p
        .rows
        .iter()
        .map(|r| RowView {
            row: tr.tn("import-row", r.row as i64),
            name: r.name.clone(),
            href: r.asset.map(|id| format!("/assets/{id}")),
            levels: format!("K{} R{} T{} S{}", r.levels.k, r.levels.r, r.levels.t, r.levels.s),
            date: r.date.to_string(),
            by: r.by.clone(),
            process_code: r.process_code.clone().unwrap_or_default(),
            motivation: r.motivation.clone().unwrap_or_default(),
        })
        .collect();
    PreviewPage {
        action: format!("{BASE}/{token}"),
        file_name: file_name.to_owned(),
        columns: column_views(p, tr),
        counts: vec![
            tr.tn("klassa-count-rows", p.rows.len() as i64),
            tr.tn("klassa-count-new-assets", p.new_assets as i64),
            tr.tn("klassa-count-unchanged", p.unchanged as i64),
            tr.tn("import-count-errors", p.errors.len() as i64),
        ],
        errors: p.errors.iter().map(|e| import::row_error_text(e, tr)).collect(),
        rows,
        ctx,
    }
}
