//! The action plan (handlingsplan): one list of actions for the organisation.

use serde::Serialize;
use sqlx::{Any, Executor};

use super::{DbError, Referrer};
use crate::platform::clock::Day;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Action {
    pub id: i64,
    pub title: String,
    /// Where the action comes from.
    #[sqlx(try_from = "super::Code<beredd_domain::ActionOrigin>")]
    pub origin: beredd_domain::ActionOrigin,
    /// For a requirement gap: "system id:requirement id".
    pub origin_ref: Option<String>,
    pub owner_id: Option<i64>,
    pub unit_id: Option<i64>,
    #[sqlx(try_from = "super::Code<beredd_domain::Priority>")]
    pub priority: beredd_domain::Priority,
    pub due_date: Option<Day>,
    #[sqlx(try_from = "super::Code<beredd_domain::ActionStatus>")]
    pub status: beredd_domain::ActionStatus,
    pub notes: Option<String>,
    pub updated_at: crate::platform::clock::Stamp,
}

#[derive(Debug, Clone)]
pub struct ActionInput {
    pub title: String,
    pub origin: beredd_domain::ActionOrigin,
    pub origin_ref: Option<String>,
    pub owner_id: Option<i64>,
    pub unit_id: Option<i64>,
    pub priority: beredd_domain::Priority,
    pub due_date: Option<Day>,
    pub status: beredd_domain::ActionStatus,
    pub notes: Option<String>,
}

macro_rules! cols {
    () => {
        "id, title, origin, origin_ref, owner_id, unit_id, priority, due_date, status, notes, updated_at"
    };
}

pub async fn list<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<Action>, DbError> {
    Ok(sqlx::query_as(concat!("SELECT ", cols!(), " FROM actions WHERE org_id = $1 ORDER BY id"))
        .bind(org)
        .fetch_all(e)
        .await?)
}

pub async fn get<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, id: i64) -> Result<Option<Action>, DbError> {
    Ok(sqlx::query_as(concat!("SELECT ", cols!(), " FROM actions WHERE org_id = $1 AND id = $2"))
        .bind(org)
        .bind(id)
        .fetch_optional(e)
        .await?)
}

/// The open action that already answers a gap, if any, so a gap gets one action, not many.
pub async fn for_origin<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    origin_ref: &str,
) -> Result<Option<Action>, DbError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        cols!(),
        " FROM actions WHERE org_id = $1 AND origin_ref = $2 AND status <> 'cancelled' ORDER BY id LIMIT 1"
    ))
    .bind(org)
    .bind(origin_ref)
    .fetch_optional(e)
    .await?)
}

/// Binds the input's fields as $1–$9, in the order both statements below name them.
fn bind<'q>(q: super::IdQuery<'q>, a: &ActionInput) -> super::IdQuery<'q> {
    q.bind(a.title.clone())
        .bind(a.origin.code())
        .bind(a.origin_ref.clone())
        .bind(a.owner_id)
        .bind(a.unit_id)
        .bind(a.priority.code())
        .bind(a.due_date)
        .bind(a.status.code())
        .bind(a.notes.clone())
}

pub async fn insert<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, a: &ActionInput) -> Result<i64, DbError> {
    let q = sqlx::query_as(
        "INSERT INTO actions (title, origin, origin_ref, owner_id, unit_id, priority, due_date, status, notes, org_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id",
    );
    let (id,) = bind(q, a).bind(org).bind(crate::platform::clock::stamp()).fetch_one(e).await?;
    Ok(id)
}

pub async fn update<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    id: i64,
    a: &ActionInput,
) -> Result<(), DbError> {
    let q = sqlx::query_as(
        "UPDATE actions SET title = $1, origin = $2, origin_ref = $3, owner_id = $4, unit_id = $5, priority = $6, due_date = $7,
         status = $8, notes = $9, updated_at = $10 WHERE org_id = $11 AND id = $12 RETURNING id",
    );
    bind(q, a).bind(crate::platform::clock::stamp()).bind(org).bind(id).fetch_optional(e).await?;
    Ok(())
}

pub async fn delete<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, id: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM actions WHERE org_id = $1 AND id = $2").bind(org).bind(id).execute(e).await?;
    Ok(())
}

pub async fn referrers(_db: &sqlx::AnyPool, _org: i64, _id: i64) -> Result<Vec<Referrer>, DbError> {
    Ok(Vec::new())
}
