//! The organisation and the database's own facts (demo marker).

use serde::Serialize;
use sqlx::{Any, Executor};

use super::DbError;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Organisation {
    pub id: i64,
    pub name: String,
    pub org_number: Option<String>,
    pub created_at: String,
}

pub async fn create<'c, E: Executor<'c, Database = Any>>(
    e: E,
    name: &str,
    org_number: Option<&str>,
) -> Result<i64, DbError> {
    let (id,): (i64,) =
        sqlx::query_as("INSERT INTO organisations (name, org_number, created_at) VALUES ($1, $2, $3) RETURNING id")
            .bind(name)
            .bind(org_number)
            .bind(crate::platform::clock::stamp())
            .fetch_one(e)
            .await?;
    Ok(id)
}

pub async fn get<'c, E: Executor<'c, Database = Any>>(e: E, id: i64) -> Result<Option<Organisation>, DbError> {
    Ok(sqlx::query_as("SELECT id, name, org_number, created_at FROM organisations WHERE id = $1")
        .bind(id)
        .fetch_optional(e)
        .await?)
}

/// The first organisation, which a single-organisation installation serves.
pub async fn first<'c, E: Executor<'c, Database = Any>>(e: E) -> Result<Option<Organisation>, DbError> {
    Ok(sqlx::query_as("SELECT id, name, org_number, created_at FROM organisations ORDER BY id LIMIT 1")
        .fetch_optional(e)
        .await?)
}

pub async fn update<'c, E: Executor<'c, Database = Any>>(
    e: E,
    id: i64,
    name: &str,
    org_number: Option<&str>,
) -> Result<(), DbError> {
    sqlx::query("UPDATE organisations SET name = $1, org_number = $2 WHERE id = $3")
        .bind(name)
        .bind(org_number)
        .bind(id)
        .execute(e)
        .await?;
    Ok(())
}

pub async fn meta<'c, E: Executor<'c, Database = Any>>(e: E, key: &str) -> Result<Option<String>, DbError> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT value FROM meta WHERE key = $1").bind(key).fetch_optional(e).await?;
    Ok(row.map(|r| r.0))
}

pub async fn set_meta<'c, E: Executor<'c, Database = Any>>(e: E, key: &str, value: &str) -> Result<(), DbError> {
    sqlx::query("INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(key)
        .bind(value)
        .execute(e)
        .await?;
    Ok(())
}
