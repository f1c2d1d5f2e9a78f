//! A municipality's own requirements and the catalogue requirements it has turned off.

use serde::Serialize;
use sqlx::{Any, Executor};

use super::{DbError, orgs};

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct LocalRequirement {
    pub requirement_id: String,
    pub area: String,
    pub title: String,
    pub is_text: String,
    pub shall_text: String,
    pub guidance: Option<String>,
    /// `baseline`, an aspect and level such as `K3`, or `flag:patient_data`.
    pub applies: String,
    pub refs: Option<String>,
    pub updated_by: String,
    pub updated_at: crate::platform::clock::Stamp,
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Disabled {
    pub requirement_id: String,
    pub reason: String,
    pub disabled_by: String,
    pub disabled_at: crate::platform::clock::Stamp,
}

pub async fn list<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<LocalRequirement>, DbError> {
    Ok(sqlx::query_as(
        "SELECT requirement_id, area, title, is_text, shall_text, guidance, applies, refs, updated_by, updated_at FROM local_requirements WHERE org_id = $1 ORDER BY requirement_id",
    )
    .bind(org)
    .fetch_all(e)
    .await?)
}

pub async fn disabled<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<Disabled>, DbError> {
    Ok(sqlx::query_as("SELECT requirement_id, reason, disabled_by, disabled_at FROM disabled_requirements WHERE org_id = $1 ORDER BY requirement_id")
        .bind(org)
        .fetch_all(e)
        .await?)
}

fn revision_key(org: i64) -> String {
    format!("catalogue_revision:{org}")
}

/// How many times the organisation has changed its catalogue; part of the version it records.
pub async fn revision<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<i64, DbError> {
    Ok(orgs::meta(e, &revision_key(org)).await?.and_then(|v| v.parse().ok()).unwrap_or(0))
}

/// Counts one more change, in the database: two changes committed at once on PostgreSQL would
/// otherwise both read revision n and write n + 1, and a catalogue cached at n + 1 would miss one.
async fn bump(conn: &mut sqlx::AnyConnection, org: i64) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO meta (key, value) VALUES ($1, '1')
         ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(meta.value AS BIGINT) + 1 AS TEXT)",
    )
    .bind(revision_key(org))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Adds a new own requirement; false (and nothing written) when its id is taken by now, by a
/// save that landed after the form was checked.
pub async fn add(conn: &mut sqlx::AnyConnection, org: i64, r: &LocalRequirement) -> Result<bool, DbError> {
    let added = sqlx::query(
        "INSERT INTO local_requirements (org_id, requirement_id, area, title, is_text, shall_text, guidance, applies, refs, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (org_id, requirement_id) DO NOTHING",
    );
    let added = with_values(added, org, r).execute(&mut *conn).await?.rows_affected() == 1;
    if added {
        bump(conn, org).await?;
    }
    Ok(added)
}

/// The eleven values of a requirement's row, in the order both writes name them.
fn with_values<'q>(
    q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>,
    org: i64,
    r: &'q LocalRequirement,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments> {
    q.bind(org)
        .bind(&r.requirement_id)
        .bind(&r.area)
        .bind(&r.title)
        .bind(&r.is_text)
        .bind(&r.shall_text)
        .bind(&r.guidance)
        .bind(&r.applies)
        .bind(&r.refs)
        .bind(&r.updated_by)
        .bind(r.updated_at)
}

pub async fn save(conn: &mut sqlx::AnyConnection, org: i64, r: &LocalRequirement) -> Result<(), DbError> {
    let query = sqlx::query(
        "INSERT INTO local_requirements (org_id, requirement_id, area, title, is_text, shall_text, guidance, applies, refs, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (org_id, requirement_id) DO UPDATE SET area = excluded.area, title = excluded.title, is_text = excluded.is_text,
         shall_text = excluded.shall_text, guidance = excluded.guidance, applies = excluded.applies, refs = excluded.refs,
         updated_by = excluded.updated_by, updated_at = excluded.updated_at",
    );
    with_values(query, org, r).execute(&mut *conn).await?;
    bump(conn, org).await
}

pub async fn delete(conn: &mut sqlx::AnyConnection, org: i64, id: &str) -> Result<(), DbError> {
    sqlx::query("DELETE FROM local_requirements WHERE org_id = $1 AND requirement_id = $2")
        .bind(org)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    bump(conn, org).await
}

pub async fn disable(
    conn: &mut sqlx::AnyConnection,
    org: i64,
    id: &str,
    reason: &str,
    by: &str,
) -> Result<(), DbError> {
    sqlx::query("INSERT INTO disabled_requirements (org_id, requirement_id, reason, disabled_by, disabled_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (org_id, requirement_id) DO NOTHING")
        .bind(org)
        .bind(id)
        .bind(reason)
        .bind(by)
        .bind(crate::platform::clock::stamp())
        .execute(&mut *conn)
        .await?;
    bump(conn, org).await
}

pub async fn enable(conn: &mut sqlx::AnyConnection, org: i64, id: &str) -> Result<(), DbError> {
    sqlx::query("DELETE FROM disabled_requirements WHERE org_id = $1 AND requirement_id = $2")
        .bind(org)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    bump(conn, org).await
}
