//! Crisis mode: incidents with their board, log, staff, roster, communication, meetings,
//! recovery, exercises and lessons learned.

pub mod board;
pub mod bundle;
pub mod comms;
pub mod lessons;
pub mod list;
pub mod log;
pub mod meetings;
pub mod publish;
pub mod recovery;
pub mod reports;
pub mod roster;
pub mod staff;

use crate::platform::clock;
use crate::platform::i18n::Tr;
use crate::store::incidents::{self, Incident, Verdict};
use crate::web::AppState;
use crate::web::auth::{CurrentUser, Posted};
use crate::web::error::AppError;
use crate::web::forms::{Choice, Errors, Field, FieldKind, FormData, summary};
use crate::web::lookups::{Lookups, vocabulary_choices};
use crate::web::page::Ctx;
use crate::web::register::{FormPage, Query_, parse_id};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Redirect, Response};
use beredd_domain::{BoardState, LogKind, StaffRole, text};
use serde_json::json;
use std::collections::HashMap;
use std::convert::Infallible;

fn short(t: &str) -> String {
    clock::shown_minute(t)
}

/// When the incident was discovered, in Swedish time; an incident started before Beredd read
/// typed times as Swedish time shows its time as typed, with a note that its zone is uncertain.
pub fn discovered(tr: &Tr, i: &Incident) -> String {
    clock::shown_minute_noted(&i.discovered_at, i.times_zone_known.get(), &tr.t("incident-time-zone-uncertain"))
}

/// When a log entry happened, in Swedish time; a version-1 entry whose time a person may have
/// typed shows it as typed, with a note that its zone is uncertain.
pub fn occurred(tr: &Tr, e: &beredd_domain::incident::Entry) -> String {
    clock::shown_minute_noted(&e.occurred_at, e.time_zone_known(), &tr.t("incident-time-zone-uncertain"))
}

/// The incident and the header every incident page shares.
pub struct Head {
    pub i: Incident,
    pub units: String,
    /// When it was discovered, as [`discovered`] shows it.
    pub discovered: String,
    pub tab: &'static str,
    pub may_write: bool,
    /// May export it as a bundle (those who work with incidents, also once it is closed).
    pub may_move: bool,
}

async fn head(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    tab: &'static str,
) -> Result<(Head, std::sync::Arc<Lookups>), AppError> {
    let id = parse_id(id)?;
    let lk = Lookups::load(&state.db, user.org_id).await?;
    let mut conn = state.db.pool.acquire().await?;
    let i = incidents::get(&mut conn, user.org_id, id).await?.ok_or(AppError::NotFound)?;
    let units = i.unit_ids.iter().map(|u| lk.unit_name(Some(*u))).collect::<Vec<_>>().join(", ");
    let may_write = user.role.works_incidents() && i.status.is_active();
    let discovered = discovered(&Tr::new(state.catalog.clone(), user.lang), &i);
    let may_move = user.role.works_incidents();
    Ok((Head { i, units, discovered, tab, may_write, may_move }, lk))
}

/// The incident and shared header, for the other incident pages.
pub async fn head_for(
    state: &AppState,
    user: &CurrentUser,
    id: &str,
    tab: &'static str,
) -> Result<(Head, std::sync::Arc<Lookups>), AppError> {
    head(state, user, id, tab).await
}

/// The incident, when the user may write to it.
pub async fn writer_for(state: &AppState, user: &CurrentUser, id: &str) -> Result<Head, AppError> {
    let (h, _) = head(state, user, id, "comms").await?;
    writer(user, &h)?;
    Ok(h)
}

fn writer(user: &CurrentUser, h: &Head) -> Result<(), AppError> {
    user.require(user.role.works_incidents())?;
    if !h.i.status.is_active() {
        return Err(AppError::BadRequest("the incident is closed"));
    }
    Ok(())
}

/// "by NAME, at TIME" under a board item or a staff member (the time as shown), or nothing.
fn who(tr: &Tr, by: &Option<String>, shown_at: Option<String>) -> String {
    match (by, shown_at) {
        (Some(b), Some(a)) => tr.ts("incident-by-at", "who", &format!("{b}, {a}")),
        _ => String::new(),
    }
}
