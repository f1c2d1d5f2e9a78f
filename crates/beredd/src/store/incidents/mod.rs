//! Incidents and exercises: the incident itself here; its log (a hash chain), board, staff
//! reached, roster, reporting and communication, meetings, exercises and lessons, and the
//! recovery backlog each in a file of their own. Every function of those takes the incident's
//! [`Key`], which only an incident read in the caller's organisation gives (`get`, `list`).

mod assessments;
mod board;
mod comms;
mod exercises;
mod log;
mod meetings;
mod recovery;
mod roster;
mod staff;
mod thinning;

pub use assessments::*;
pub use board::*;
pub use comms::*;
pub use exercises::*;
pub use log::*;
pub use meetings::*;
pub use recovery::*;
pub use roster::*;
pub use staff::*;
pub use thinning::*;

use super::{DbError, Flag};
use beredd_domain::incident::{self, Entry, GENESIS};
use serde::Serialize;
use sqlx::{Any, Executor};

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Incident {
    pub id: i64,
    /// Private, so that only the store makes an incident, and with it its [`Key`].
    #[serde(skip)]
    org_id: i64,
    pub title: String,
    pub what_happened: Option<String>,
    pub discovered_at: String,
    pub raised_by: Option<String>,
    #[sqlx(try_from = "super::Code<incident::IncidentStatus>")]
    pub status: incident::IncidentStatus,
    #[sqlx(try_from = "i64")]
    pub exercise: Flag,
    pub started_by: String,
    pub started_at: crate::platform::clock::Stamp,
    pub closed_at: Option<crate::platform::clock::Stamp>,
    pub log_count: i64,
    pub last_hash: String,
    /// Significant under the cybersecurity act (NIS2): the reporting clocks run.
    #[sqlx(try_from = "i64")]
    pub significant: Flag,
    /// A personal-data breach: IMY is notified within 72 hours.
    #[sqlx(try_from = "i64")]
    pub personal_data: Flag,
    /// Stays the same when the incident is moved to another Beredd as a bundle.
    pub uid: Option<String>,
    /// An exercise's participants, one per line.
    pub participants: Option<String>,
    /// When the incident was decided to be handled (the final report's clock).
    pub handled_at: Option<crate::platform::clock::Stamp>,
    /// The municipality's diarienummer for the incident.
    pub diarienummer: Option<String>,
    /// Whether `discovered_at` is known to be UTC: not for an incident started before Beredd read
    /// typed times as Swedish time (its time was stored as typed, as if UTC).
    #[sqlx(try_from = "i64")]
    pub times_zone_known: Flag,
    #[sqlx(skip)]
    pub unit_ids: Vec<i64>,
}

super::owned::keyed!(Incident);

macro_rules! cols {
    () => {
        "id, org_id, title, what_happened, discovered_at, raised_by, status, exercise, started_by, started_at, closed_at, log_count, last_hash, significant, personal_data, uid, participants, times_zone_known, handled_at, diarienummer"
    };
}

pub struct NewIncident<'a> {
    pub title: &'a str,
    pub what_happened: Option<&'a str>,
    pub discovered_at: &'a str,
    pub raised_by: Option<&'a str>,
    pub exercise: bool,
    pub started_by: &'a str,
    /// Kept from a bundle; made up otherwise.
    pub uid: Option<String>,
    pub participants: Option<&'a str>,
    /// Whether `discovered_at` is known to be UTC (false only for one kept from an old bundle).
    pub times_zone_known: bool,
}

pub async fn create(
    conn: &mut sqlx::AnyConnection,
    org: i64,
    n: &NewIncident<'_>,
    units: &[i64],
) -> Result<Key, DbError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO incidents (org_id, title, what_happened, discovered_at, raised_by, status, exercise, started_by, started_at, last_hash, uid, participants, times_zone_known)
         VALUES ($1, $2, $3, $4, $5, 'active', $6, $7, $8, $9, $10, $11, $12) RETURNING id",
    )
    .bind(org)
    .bind(n.title)
    .bind(n.what_happened)
    .bind(n.discovered_at)
    .bind(n.raised_by)
    .bind(crate::store::flag(n.exercise))
    .bind(n.started_by)
    .bind(crate::platform::clock::stamp())
    .bind(GENESIS)
    .bind(n.uid.clone().unwrap_or_else(|| format!("i-{}", crate::store::sessions::random_token())))
    .bind(n.participants)
    .bind(crate::store::flag(n.times_zone_known))
    .fetch_one(&mut *conn)
    .await?;
    super::replace_links(
        conn,
        "DELETE FROM incident_units WHERE incident_id = $1",
        "INSERT INTO incident_units (incident_id, unit_id) VALUES ($1, $2)",
        id,
        units,
    )
    .await?;
    Ok(Key::found(org, id))
}

pub async fn list(conn: &mut sqlx::AnyConnection, org: i64) -> Result<Vec<Incident>, DbError> {
    let mut all: Vec<Incident> =
        sqlx::query_as(concat!("SELECT ", cols!(), " FROM incidents WHERE org_id = $1 ORDER BY id DESC"))
            .bind(org)
            .fetch_all(&mut *conn)
            .await?;
    let links: Vec<(i64, i64)> = sqlx::query_as("SELECT l.incident_id, l.unit_id FROM incident_units l JOIN incidents i ON i.id = l.incident_id WHERE i.org_id = $1").bind(org).fetch_all(&mut *conn).await?;
    for i in &mut all {
        i.unit_ids = links.iter().filter(|(x, _)| *x == i.id).map(|(_, u)| *u).collect();
    }
    Ok(all)
}

/// The incidents going on that are not exercises, newest first (unit links not loaded).
pub async fn active(conn: &mut sqlx::AnyConnection, org: i64) -> Result<Vec<Incident>, DbError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        cols!(),
        " FROM incidents WHERE org_id = $1 AND status = 'active' AND exercise = 0 ORDER BY id DESC"
    ))
    .bind(org)
    .fetch_all(&mut *conn)
    .await?)
}

/// How many incidents and exercises are going on, in every organisation (for `/metrics`).
pub async fn active_count(conn: &mut sqlx::AnyConnection) -> Result<i64, DbError> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM incidents WHERE status = 'active'").fetch_one(conn).await?;
    Ok(n)
}

pub async fn get(conn: &mut sqlx::AnyConnection, org: i64, id: i64) -> Result<Option<Incident>, DbError> {
    let found: Option<Incident> =
        sqlx::query_as(concat!("SELECT ", cols!(), " FROM incidents WHERE org_id = $1 AND id = $2"))
            .bind(org)
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    let Some(mut i) = found else { return Ok(None) };
    i.unit_ids =
        sqlx::query_as::<_, (i64,)>("SELECT unit_id FROM incident_units WHERE incident_id = $1 ORDER BY unit_id")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?
            .into_iter()
            .map(|(u,)| u)
            .collect();
    Ok(Some(i))
}

pub async fn close<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, id: i64) -> Result<(), DbError> {
    sqlx::query("UPDATE incidents SET status = 'closed', closed_at = $1 WHERE org_id = $2 AND id = $3")
        .bind(crate::platform::clock::stamp())
        .bind(org)
        .bind(id)
        .execute(e)
        .await?;
    Ok(())
}
