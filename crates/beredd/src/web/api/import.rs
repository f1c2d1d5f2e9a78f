//! A register written through the API: the file a nightly job sends (the HR system's staff list,
//! the IT department's systems), read and matched exactly as the import page does it. Without
//! `apply=true` nothing is stored and the answer says what the file would do; with it the file
//! is stored when no row is in error, in one transaction with an audit entry per record under
//! the token's purpose. Records the file lacks are listed, never deleted.

use std::collections::HashMap;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use super::{Api, ApiError, refusal};
use crate::platform::i18n::Tr;
use crate::services::accounts::api_tokens::Area;
use crate::services::organisation::import::{self, Kind, Preview};
use crate::web::AppState;

#[derive(Deserialize, IntoParams)]
pub struct ImportQuery {
    /// true: store the file (when no row is in error); otherwise only say what it would do.
    #[serde(default)]
    pub apply: bool,
}

/// A row of the file that is a new record.
#[derive(Serialize, ToSchema)]
pub struct AddedRow {
    pub row: usize,
    pub name: String,
}

/// One field a row changes, by its label in the caller's language.
#[derive(Serialize, ToSchema)]
pub struct FieldChange {
    pub field: String,
    pub before: String,
    pub after: String,
}

#[derive(Serialize, ToSchema)]
pub struct ChangedRow {
    pub row: usize,
    pub id: i64,
    pub name: String,
    pub changes: Vec<FieldChange>,
}

/// A refused row: its number in the file, the column and why (the import page's words).
#[derive(Serialize, ToSchema)]
pub struct RowProblem {
    pub row: usize,
    pub column: String,
    pub message: String,
}

#[derive(Serialize, ToSchema)]
pub struct MissingRecord {
    pub id: i64,
    pub name: String,
}

/// What a file does to a register, or would do.
#[derive(Serialize, ToSchema)]
pub struct ImportResult {
    /// Whether the file was stored.
    pub stored: bool,
    pub added: Vec<AddedRow>,
    pub changed: Vec<ChangedRow>,
    pub unchanged: usize,
    /// Rows in error; while there are any, nothing is stored.
    pub errors: Vec<RowProblem>,
    /// Records of the register the file does not have: for a person to decide about.
    pub missing: Vec<MissingRecord>,
}

#[utoipa::path(post, path = "/api/v1/import/{register}", tag = "organisation",
    summary = "Läs in ett register från en fil (CSV eller xlsx), till exempel personalen från HR-systemet",
    params(("register" = String, Path, description = "units, people, suppliers, systems, activities, resources, dependencies eller assets"), ImportQuery),
    request_body(content = Vec<u8>, description = "Filen: text/csv (semikolon eller komma, UTF-8 eller Windows-1252) eller xlsx", content_type = "text/csv"),
    responses((status = 200, body = ImportResult), (status = 400, body = ApiError), (status = 401, body = ApiError),
        (status = 403, body = ApiError), (status = 404, body = ApiError), (status = 422, body = ImportResult)),
    security(("token" = [])))]
pub async fn import_register(
    api: Api,
    State(state): State<AppState>,
    Path(register): Path<String>,
    Query(q): Query<ImportQuery>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<(StatusCode, Json<ImportResult>), ApiError> {
    let kind = Kind::parse(&register).ok_or_else(|| refusal(&api.tr, 404, "api-error-not-found"))?;
    api.require(area_of(kind), q.apply)?;
    let file = (file_name(&headers), body.as_ref());
    let outcome = if q.apply {
        import::apply(&state.db, &api.caller.actor(), kind, file, &HashMap::new()).await
    } else {
        import::preview(&state.db, api.caller.org_id, kind, file, &HashMap::new()).await
    };
    let preview = outcome.map_err(|e| api.fail(e))?.map_err(|why| ApiError {
        status: 400,
        error: import::refusal(&why, &api.tr),
        fields: Vec::new(),
    })?;
    let status = if q.apply && !preview.stored { StatusCode::UNPROCESSABLE_ENTITY } else { StatusCode::OK };
    Ok((status, Json(result(preview, &api.tr))))
}

/// The area a register belongs to: the information assets are classification's.
fn area_of(kind: Kind) -> Area {
    if kind == Kind::Assets { Area::Classification } else { Area::Organisation }
}

/// The reader tells the kinds of file apart by name: the content type gives it one.
fn file_name(headers: &HeaderMap) -> &'static str {
    let ct = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let ct = ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    match ct.as_str() {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => "api.xlsx",
        "text/csv" | "text/plain" | "application/csv" => "api.csv",
        _ => "api",
    }
}

fn result(p: Preview, tr: &Tr) -> ImportResult {
    ImportResult {
        stored: p.stored,
        added: p.added.into_iter().map(|a| AddedRow { row: a.row, name: a.name }).collect(),
        changed: p
            .changed
            .into_iter()
            .map(|c| ChangedRow {
                row: c.row,
                id: c.id,
                name: c.name,
                changes: c
                    .changes
                    .into_iter()
                    .map(|f| FieldChange { field: tr.t(f.label_id), before: f.before, after: f.after })
                    .collect(),
            })
            .collect(),
        unchanged: p.unchanged,
        errors: p
            .errors
            .iter()
            .map(|e| RowProblem { row: e.row, column: e.column.clone(), message: import::problem_text(&e.problem, tr) })
            .collect(),
        missing: p.missing.into_iter().map(|(id, name)| MissingRecord { id, name }).collect(),
    }
}
