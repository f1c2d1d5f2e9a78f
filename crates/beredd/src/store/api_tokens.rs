//! API tokens: kept as their SHA-256, with what they may do, when last used, when revoked.

use serde::Serialize;
use sqlx::{Any, Executor};

use super::DbError;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct ApiToken {
    pub id: i64,
    pub org_id: i64,
    pub name: String,
    #[sqlx(try_from = "i64")]
    pub may_write: super::Flag,
    /// The areas it reaches, comma-separated codes (`organisation,crisis`).
    pub areas: String,
    pub created_at: crate::platform::clock::Stamp,
    pub created_by: String,
    pub last_used_at: Option<crate::platform::clock::Stamp>,
    pub revoked_at: Option<crate::platform::clock::Stamp>,
}

const COLS: &str = "id, org_id, name, may_write, areas, created_at, created_by, last_used_at, revoked_at";

pub async fn list<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<ApiToken>, DbError> {
    let sql = format!("SELECT {COLS} FROM api_tokens WHERE org_id = $1 ORDER BY revoked_at IS NOT NULL, id DESC");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(org).fetch_all(e).await?)
}

/// The token whose hash this is, revoked or not.
pub async fn by_hash<'c, E: Executor<'c, Database = Any>>(e: E, hash: &str) -> Result<Option<ApiToken>, DbError> {
    // A suspended organisation's tokens are not found: it uses nothing while suspended.
    let sql = format!(
        "SELECT {COLS} FROM api_tokens WHERE token_hash = $1 AND org_id IN (SELECT id FROM organisations WHERE suspended_at IS NULL)"
    );
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(hash).fetch_optional(e).await?)
}

pub struct NewToken<'a> {
    pub org_id: i64,
    pub name: &'a str,
    pub hash: &'a str,
    pub may_write: bool,
    pub areas: &'a str,
    pub created_by: &'a str,
}

pub async fn insert<'c, E: Executor<'c, Database = Any>>(e: E, t: &NewToken<'_>) -> Result<i64, DbError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO api_tokens (org_id, name, token_hash, may_write, areas, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(t.org_id)
    .bind(t.name)
    .bind(t.hash)
    .bind(super::flag(t.may_write))
    .bind(t.areas)
    .bind(crate::platform::clock::stamp())
    .bind(t.created_by)
    .fetch_one(e)
    .await?;
    Ok(id)
}

/// Marks a token revoked; false when it was not there or already revoked.
pub async fn revoke<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, id: i64) -> Result<bool, DbError> {
    let done =
        sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE org_id = $2 AND id = $3 AND revoked_at IS NULL")
            .bind(crate::platform::clock::stamp())
            .bind(org)
            .bind(id)
            .execute(e)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// Notes a use, at most once a minute per token (a busy sync does not write on every call).
pub async fn used<'c, E: Executor<'c, Database = Any>>(e: E, id: i64) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE api_tokens SET last_used_at = $1 WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $3)",
    )
    .bind(crate::platform::clock::stamp())
    .bind(id)
    .bind(crate::platform::clock::stamp_in(-60))
    .execute(e)
    .await?;
    Ok(())
}
