//! The routes of `/api/v1`: the registers, the action plan and incidents to read, and entries
//! written to an incident's log. What the API shows is its own shape (below), not the tables':
//! a later migration does not change it.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::{Api, ApiError, refusal};
use crate::services::accounts::api_tokens::Area;
use crate::services::crisis::log as entries;
use crate::store::{actions, incidents, people, systems, units};
use crate::web::AppState;

#[derive(Serialize, ToSchema)]
pub struct Unit {
    pub id: i64,
    pub name: String,
    /// forvaltning, avdelning or enhet
    pub kind: String,
    pub parent_id: Option<i64>,
    pub manager_id: Option<i64>,
    pub staff_count: Option<i64>,
    pub around_the_clock: bool,
}

#[derive(Serialize, ToSchema)]
pub struct Person {
    pub id: i64,
    pub name: String,
    /// staff or external
    pub kind: String,
    pub title: Option<String>,
    pub unit_id: Option<i64>,
    pub organisation: Option<String>,
    pub work_phone: Option<String>,
    pub private_phone: Option<String>,
    pub email: Option<String>,
    pub reachable_off_hours: bool,
}

#[derive(Serialize, ToSchema)]
pub struct System {
    pub id: i64,
    pub name: String,
    pub kind: String,
    pub hosting: String,
    pub owner_id: Option<i64>,
    pub supplier_id: Option<i64>,
    pub unit_ids: Vec<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct Action {
    pub id: i64,
    pub title: String,
    pub status: String,
    pub priority: String,
    pub owner_id: Option<i64>,
    pub unit_id: Option<i64>,
    /// YYYY-MM-DD
    pub due_date: Option<String>,
    /// The progress noted, a line each.
    pub notes: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Incident {
    pub id: i64,
    pub title: String,
    pub status: String,
    pub exercise: bool,
    /// When the municipality knew of it (UTC, RFC 3339).
    pub discovered_at: String,
    pub unit_ids: Vec<i64>,
    pub log_count: i64,
}

#[derive(Serialize, ToSchema)]
pub struct LogEntry {
    pub seq: i64,
    pub kind: String,
    pub text: String,
    pub author: String,
    pub decided_by: Option<String>,
    pub grounds: Option<String>,
    /// UTC, RFC 3339
    pub occurred_at: String,
    pub hash: String,
}

#[derive(Serialize, ToSchema)]
pub struct IncidentWithLog {
    #[serde(flatten)]
    pub incident: Incident,
    pub log: Vec<LogEntry>,
}

/// An entry to write: kind is information, event, decision, task or correction; a decision names
/// who decided, a correction the entry it corrects; occurred_at is Swedish time (YYYY-MM-DD HH:MM).
#[derive(Deserialize, ToSchema)]
pub struct NewLogEntry {
    pub kind: String,
    pub text: String,
    #[serde(default)]
    pub decided_by: Option<String>,
    #[serde(default)]
    pub grounds: Option<String>,
    #[serde(default)]
    pub occurred_at: Option<String>,
    #[serde(default)]
    pub corrects: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct Written {
    /// The entry's number in the incident's log.
    pub seq: i64,
}

type ApiResult<T> = Result<Json<T>, ApiError>;

#[utoipa::path(get, path = "/api/v1/units", tag = "organisation", summary = "Enheterna",
    responses((status = 200, body = [Unit]), (status = 401, body = ApiError), (status = 403, body = ApiError)),
    security(("token" = [])))]
pub async fn list_units(api: Api, State(state): State<AppState>) -> ApiResult<Vec<Unit>> {
    api.require(Area::Organisation, false)?;
    let all = units::list(&state.db.pool, api.caller.org_id).await.map_err(|e| api.fail(e))?;
    Ok(Json(
        all.into_iter()
            .map(|u| Unit {
                id: u.id,
                name: u.name,
                kind: u.kind.code().into(),
                parent_id: u.parent_id,
                manager_id: u.manager_id,
                staff_count: u.staff_count,
                around_the_clock: u.around_the_clock.get(),
            })
            .collect(),
    ))
}

#[utoipa::path(get, path = "/api/v1/people", tag = "organisation", summary = "Personerna: personal och externa kontakter",
    responses((status = 200, body = [Person]), (status = 401, body = ApiError), (status = 403, body = ApiError)),
    security(("token" = [])))]
pub async fn list_people(api: Api, State(state): State<AppState>) -> ApiResult<Vec<Person>> {
    api.require(Area::Organisation, false)?;
    let all = people::list(&state.db.pool, api.caller.org_id).await.map_err(|e| api.fail(e))?;
    // A person with protected personal data is never in the API (`organisation::protection`).
    Ok(Json(
        all.into_iter()
            .filter(|p| !p.protected.get())
            .map(|p| Person {
                id: p.id,
                name: p.name,
                kind: p.kind.code().into(),
                title: p.title,
                unit_id: p.unit_id,
                organisation: p.organisation,
                work_phone: p.work_phone,
                private_phone: p.private_phone,
                email: p.email,
                reachable_off_hours: p.reachable_off_hours.get(),
            })
            .collect(),
    ))
}

#[utoipa::path(get, path = "/api/v1/systems", tag = "organisation", summary = "Systemen",
    responses((status = 200, body = [System]), (status = 401, body = ApiError), (status = 403, body = ApiError)),
    security(("token" = [])))]
pub async fn list_systems(api: Api, State(state): State<AppState>) -> ApiResult<Vec<System>> {
    api.require(Area::Organisation, false)?;
    let all = systems::list(&state.db.pool, api.caller.org_id).await.map_err(|e| api.fail(e))?;
    Ok(Json(
        all.into_iter()
            .map(|s| System {
                id: s.id,
                name: s.name,
                kind: s.kind.code().into(),
                hosting: s.hosting.code().into(),
                owner_id: s.owner_id,
                supplier_id: s.supplier_id,
                unit_ids: s.unit_ids,
            })
            .collect(),
    ))
}

#[utoipa::path(get, path = "/api/v1/actions", tag = "actions", summary = "Handlingsplanens åtgärder",
    responses((status = 200, body = [Action]), (status = 401, body = ApiError), (status = 403, body = ApiError)),
    security(("token" = [])))]
pub async fn list_actions(api: Api, State(state): State<AppState>) -> ApiResult<Vec<Action>> {
    api.require(Area::Actions, false)?;
    let all = actions::list(&state.db.pool, api.caller.org_id).await.map_err(|e| api.fail(e))?;
    Ok(Json(all.into_iter().map(action).collect()))
}

fn action(a: actions::Action) -> Action {
    Action {
        id: a.id,
        title: a.title,
        status: a.status.code().into(),
        priority: a.priority.code().into(),
        owner_id: a.owner_id,
        unit_id: a.unit_id,
        due_date: a.due_date.map(String::from),
        notes: a.notes,
    }
}

fn incident(i: incidents::Incident) -> Incident {
    Incident {
        id: i.id,
        title: i.title,
        status: i.status.code().into(),
        exercise: i.exercise.get(),
        discovered_at: i.discovered_at,
        unit_ids: i.unit_ids,
        log_count: i.log_count,
    }
}

#[utoipa::path(get, path = "/api/v1/incidents", tag = "crisis", summary = "Incidenter och övningar",
    responses((status = 200, body = [Incident]), (status = 401, body = ApiError), (status = 403, body = ApiError)),
    security(("token" = [])))]
pub async fn list_incidents(api: Api, State(state): State<AppState>) -> ApiResult<Vec<Incident>> {
    api.require(Area::Crisis, false)?;
    let mut conn = state.db.pool.acquire().await.map_err(|e| api.fail(e))?;
    let all = incidents::list(&mut conn, api.caller.org_id).await.map_err(|e| api.fail(e))?;
    Ok(Json(all.into_iter().map(incident).collect()))
}

#[utoipa::path(get, path = "/api/v1/incidents/{id}", tag = "crisis", summary = "En incident med hela sin logg",
    params(("id" = i64, Path, description = "Incidentens nummer")),
    responses((status = 200, body = IncidentWithLog), (status = 401, body = ApiError), (status = 403, body = ApiError),
        (status = 404, body = ApiError)),
    security(("token" = [])))]
pub async fn get_incident(
    api: Api,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<IncidentWithLog> {
    api.require(Area::Crisis, false)?;
    let i = the_incident(&api, &state, &id).await?;
    let mut conn = state.db.pool.acquire().await.map_err(|e| api.fail(e))?;
    let rows = incidents::log(&mut *conn, api.caller.org_id, i.key()).await.map_err(|e| api.fail(e))?;
    let log = rows
        .into_iter()
        .map(|r| LogEntry {
            seq: r.entry.seq,
            kind: r.entry.kind,
            text: r.entry.text,
            author: r.entry.author,
            decided_by: r.entry.decided_by,
            grounds: r.entry.grounds,
            occurred_at: r.entry.occurred_at,
            hash: r.hash,
        })
        .collect();
    Ok(Json(IncidentWithLog { incident: incident(i), log }))
}

#[utoipa::path(post, path = "/api/v1/incidents/{id}/log", tag = "crisis", summary = "Skriv en post i incidentens logg",
    params(("id" = i64, Path, description = "Incidentens nummer")),
    request_body = NewLogEntry,
    responses((status = 201, body = Written), (status = 401, body = ApiError), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 409, body = ApiError), (status = 422, body = ApiError)),
    security(("token" = [])))]
pub async fn write_log(
    api: Api,
    State(state): State<AppState>,
    Path(id): Path<String>,
    body: Result<Json<NewLogEntry>, axum::extract::rejection::JsonRejection>,
) -> Result<(StatusCode, Json<Written>), ApiError> {
    api.require(Area::Crisis, true)?;
    let Json(body) = body.map_err(|e| ApiError {
        status: 400,
        error: api.tr.ts("api-error-json", "why", &e.body_text()),
        fields: Vec::new(),
    })?;
    let i = the_incident(&api, &state, &id).await?;
    if !i.status.is_active() {
        return Err(refusal(&api.tr, 409, "api-error-closed"));
    }
    let corrects = body.corrects.map(|c| c.to_string()).unwrap_or_default();
    let form = entries::EntryForm {
        kind: &body.kind,
        text: &body.text,
        decided_by: body.decided_by.as_deref().unwrap_or(""),
        grounds: body.grounds.as_deref().unwrap_or(""),
        occurred_at: body.occurred_at.as_deref().unwrap_or(""),
        corrects: &corrects,
    };
    let entry = entries::check(&form, i.log_count).map_err(|found| super::invalid(&api.tr, found))?;
    let by = api.caller.actor().username;
    let seq = entries::add(&state.db, api.caller.org_id, i.key(), entry, &by).await.map_err(|e| api.fail(e))?;
    state.live.publish(i.id, "log", serde_json::json!({ "seq": seq }).to_string());
    Ok((StatusCode::CREATED, Json(Written { seq })))
}

/// The caller's organisation's incident by the id in the path, or 404.
async fn the_incident(api: &Api, state: &AppState, id: &str) -> Result<incidents::Incident, ApiError> {
    let not_found = || refusal(&api.tr, 404, "api-error-not-found");
    let id: i64 = id.parse().map_err(|_| not_found())?;
    let mut conn = state.db.pool.acquire().await.map_err(|e| api.fail(e))?;
    incidents::get(&mut conn, api.caller.org_id, id).await.map_err(|e| api.fail(e))?.ok_or_else(not_found)
}

/// An information asset's newest classification: the four aspects' levels (1–4).
#[derive(Serialize, ToSchema)]
pub struct Levels {
    pub confidentiality: i64,
    pub integrity: i64,
    pub availability: i64,
    pub traceability: i64,
    /// UTC, RFC 3339
    #[schema(value_type = String)]
    pub classified_at: crate::platform::clock::Stamp,
    pub classified_by: String,
}

#[derive(Serialize, ToSchema)]
pub struct Asset {
    pub id: i64,
    pub name: String,
    pub owner_id: Option<i64>,
    pub system_ids: Vec<i64>,
    pub unit_ids: Vec<i64>,
    /// None until it is classified.
    pub classification: Option<Levels>,
}

#[utoipa::path(get, path = "/api/v1/assets", tag = "classification", summary = "Informationstillgångarna med sin klassning",
    responses((status = 200, body = [Asset]), (status = 401, body = ApiError), (status = 403, body = ApiError)),
    security(("token" = [])))]
pub async fn list_assets(api: Api, State(state): State<AppState>) -> ApiResult<Vec<Asset>> {
    api.require(Area::Classification, false)?;
    let all = crate::store::assets::list(&state.db.pool, api.caller.org_id).await.map_err(|e| api.fail(e))?;
    Ok(Json(
        all.into_iter()
            .map(|a| Asset {
                id: a.id,
                name: a.name,
                owner_id: a.owner_id,
                system_ids: a.system_ids,
                unit_ids: a.unit_ids,
                classification: a.current.map(|c| Levels {
                    confidentiality: c.level_k,
                    integrity: c.level_r,
                    availability: c.level_t,
                    traceability: c.level_s,
                    classified_at: c.classified_at,
                    classified_by: c.classified_by,
                }),
            })
            .collect(),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct Plan {
    pub id: i64,
    pub name: String,
    pub unit_ids: Vec<i64>,
    /// The next yearly review, YYYY-MM-DD.
    pub review_due: Option<String>,
    /// The number of the approved version, if one is.
    pub approved_version: Option<i64>,
    /// UTC, RFC 3339
    #[schema(value_type = Option<String>)]
    pub approved_at: Option<crate::platform::clock::Stamp>,
    /// The printed binder is older than the approved version.
    pub binder_stale: bool,
}

#[utoipa::path(get, path = "/api/v1/plans", tag = "continuity", summary = "Kontinuitetsplanerna och hur de står",
    responses((status = 200, body = [Plan]), (status = 401, body = ApiError), (status = 403, body = ApiError)),
    security(("token" = [])))]
pub async fn list_plans(api: Api, State(state): State<AppState>) -> ApiResult<Vec<Plan>> {
    api.require(Area::Continuity, false)?;
    let all = crate::services::continuity::plans::standings(&state.db.pool, api.caller.org_id)
        .await
        .map_err(|e| api.fail(e))?;
    Ok(Json(
        all.into_iter()
            .map(|(p, s)| Plan {
                binder_stale: s.binder_stale(),
                approved_version: s.approved.as_ref().map(|v| v.number),
                approved_at: s.approved.and_then(|v| v.approved_at),
                id: p.id,
                name: p.name,
                unit_ids: p.unit_ids,
                review_due: p.review_due.map(String::from),
            })
            .collect(),
    ))
}

/// Progress on an action reported by another system: a status (planned, ongoing, done or
/// cancelled), a line added to its notes, or both.
#[derive(Deserialize, ToSchema)]
pub struct ActionProgress {
    #[serde(default)]
    pub status: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[utoipa::path(post, path = "/api/v1/actions/{id}", tag = "actions", summary = "Rapportera hur en åtgärd går: status och en rad i anteckningarna",
    params(("id" = i64, Path, description = "Åtgärdens nummer")),
    request_body = ActionProgress,
    responses((status = 200, body = Action), (status = 400, body = ApiError), (status = 401, body = ApiError),
        (status = 403, body = ApiError), (status = 404, body = ApiError), (status = 422, body = ApiError)),
    security(("token" = [])))]
pub async fn report_action(
    api: Api,
    State(state): State<AppState>,
    Path(id): Path<String>,
    body: Result<Json<ActionProgress>, axum::extract::rejection::JsonRejection>,
) -> ApiResult<Action> {
    api.require(Area::Actions, true)?;
    let Json(body) = body.map_err(|e| ApiError {
        status: 400,
        error: api.tr.ts("api-error-json", "why", &e.body_text()),
        fields: Vec::new(),
    })?;
    let id: i64 = id.parse().map_err(|_| refusal(&api.tr, 404, "api-error-not-found"))?;
    let progress = crate::services::actions::Progress { status: body.status.as_deref(), note: body.note.as_deref() };
    let a = crate::services::actions::report(&state.db, &api.caller.actor(), id, progress)
        .await
        .map_err(|e| api.fail(e))?;
    Ok(Json(action(a)))
}
