//! Saved outage scenarios and the results of their last two runs.

use serde::Serialize;
use sqlx::{Any, Executor};

use super::{DbError, Referrer};

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Scenario {
    pub id: i64,
    pub name: String,
    pub description: Option<String>,
    /// Space-separated "kind:id" of the failed nodes.
    pub failed: String,
    /// Space-separated category codes.
    pub categories: String,
    pub hours: i64,
    pub last_run_at: Option<crate::platform::clock::Stamp>,
    /// JSON: activity id → state code, of the last run.
    #[serde(skip)]
    pub last_result: Option<String>,
    pub previous_run_at: Option<crate::platform::clock::Stamp>,
    #[serde(skip)]
    pub previous_result: Option<String>,
    pub updated_at: crate::platform::clock::Stamp,
}

#[derive(Debug, Clone)]
pub struct ScenarioInput {
    pub name: String,
    pub description: Option<String>,
    pub failed: Vec<String>,
    pub categories: Vec<String>,
    pub hours: i64,
}

macro_rules! cols {
    () => {
        "id, name, description, failed, categories, hours, last_run_at, last_result, previous_run_at, previous_result, updated_at"
    };
}

pub async fn list<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<Scenario>, DbError> {
    Ok(sqlx::query_as(concat!("SELECT ", cols!(), " FROM scenarios WHERE org_id = $1 ORDER BY name"))
        .bind(org)
        .fetch_all(e)
        .await?)
}

pub async fn get<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, id: i64) -> Result<Option<Scenario>, DbError> {
    Ok(sqlx::query_as(concat!("SELECT ", cols!(), " FROM scenarios WHERE org_id = $1 AND id = $2"))
        .bind(org)
        .bind(id)
        .fetch_optional(e)
        .await?)
}

/// Binds the input's fields as $1–$5, in the order both statements below name them.
fn bind<'q>(q: super::IdQuery<'q>, s: &ScenarioInput) -> super::IdQuery<'q> {
    q.bind(s.name.clone())
        .bind(s.description.clone())
        .bind(s.failed.join(" "))
        .bind(s.categories.join(" "))
        .bind(s.hours)
}

pub async fn insert<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, s: &ScenarioInput) -> Result<i64, DbError> {
    let q = sqlx::query_as(
        "INSERT INTO scenarios (name, description, failed, categories, hours, org_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
    );
    let (id,) = bind(q, s).bind(org).bind(crate::platform::clock::stamp()).fetch_one(e).await?;
    Ok(id)
}

pub async fn update<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    id: i64,
    s: &ScenarioInput,
) -> Result<(), DbError> {
    let q = sqlx::query_as(
        "UPDATE scenarios SET name = $1, description = $2, failed = $3, categories = $4, hours = $5, updated_at = $6
         WHERE org_id = $7 AND id = $8 RETURNING id",
    );
    bind(q, s).bind(crate::platform::clock::stamp()).bind(org).bind(id).fetch_optional(e).await?;
    Ok(())
}

pub async fn delete<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, id: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM scenarios WHERE org_id = $1 AND id = $2").bind(org).bind(id).execute(e).await?;
    Ok(())
}

/// Keeps the new result and moves the last one to "previous".
pub async fn record_run<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    id: i64,
    result: &str,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE scenarios SET previous_run_at = last_run_at, previous_result = last_result, last_run_at = $1, last_result = $2
         WHERE org_id = $3 AND id = $4",
    )
    .bind(crate::platform::clock::stamp())
    .bind(result)
    .bind(org)
    .bind(id)
    .execute(e)
    .await?;
    Ok(())
}

pub async fn referrers(_db: &sqlx::AnyPool, _org: i64, _id: i64) -> Result<Vec<Referrer>, DbError> {
    Ok(Vec::new())
}
