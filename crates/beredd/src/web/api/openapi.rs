//! The API's OpenAPI document, generated from the handlers' annotations (utoipa), served to
//! callers at `/api/v1/openapi.json` and shown as a table on the administrator's API page.

use axum::Json;
use utoipa::OpenApi;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};

use super::{Api, import, v1};

#[derive(OpenApi)]
#[openapi(
    info(title = "Beredd API", version = "1", description = "Registren, handlingsplanen och incidenterna i Beredd. Anropen bär en API-nyckel (Authorization: Bearer bd_…) som en administratör skapar under Administration → API."),
    paths(v1::list_units, v1::list_people, v1::list_systems, v1::list_assets, v1::list_plans, v1::list_actions, v1::list_incidents, v1::get_incident, v1::write_log, v1::report_action, import::import_register),
    components(schemas(v1::Unit, v1::Person, v1::System, v1::Asset, v1::Levels, v1::Plan, v1::Action, v1::Incident, v1::IncidentWithLog, v1::LogEntry, v1::NewLogEntry, v1::Written, v1::ActionProgress, import::ImportResult, import::AddedRow, import::ChangedRow, import::FieldChange, import::RowProblem, import::MissingRecord, super::ApiError, super::FieldMessage)),
    modifiers(&Token)
)]
pub struct Document;

struct Token;

impl utoipa::Modify for Token {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        if let Some(c) = doc.components.as_mut() {
            c.add_security_scheme("token", SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)));
        }
    }
}

/// The document, for any caller with a token.
pub async fn document(_api: Api) -> Json<utoipa::openapi::OpenApi> {
    Json(Document::openapi())
}

/// Each operation of the document: method, path, summary.
pub fn operations() -> Vec<(String, String, String)> {
    let doc = Document::openapi();
    let mut out = Vec::new();
    for (path, item) in &doc.paths.paths {
        let ops = [("GET", &item.get), ("POST", &item.post), ("PUT", &item.put), ("DELETE", &item.delete)];
        for (method, op) in ops {
            if let Some(op) = op {
                out.push((method.to_owned(), path.clone(), op.summary.clone().unwrap_or_default()));
            }
        }
    }
    out
}
