//! The binder's typeset plan sections, kept per organisation under a key made of everything that
//! decides their bytes (migration 49, `services::continuity::binder_parts`).

use sqlx::{Any, Executor};

use super::DbError;

/// A kept part: its PDF, its page count and its headings (JSON, as `beredd_render::Heading`).
pub struct Kept {
    pub pages: i64,
    pub headings: String,
    pub pdf: Vec<u8>,
}

/// A new part to keep.
pub struct New<'a> {
    pub key: &'a str,
    pub plan_id: i64,
    pub version: i64,
    pub pages: i64,
    pub headings: &'a str,
    pub pdf: &'a [u8],
}

/// The organisation's part under `key`, if one is kept; marks it used now (at most once a day,
/// so a print writes little).
pub async fn take(conn: &mut sqlx::AnyConnection, org: i64, key: &str) -> Result<Option<Kept>, DbError> {
    let row: Option<(i64, String, Vec<u8>)> =
        sqlx::query_as("SELECT pages, headings, pdf FROM binder_parts WHERE org_id = $1 AND part_key = $2")
            .bind(org)
            .bind(key)
            .fetch_optional(&mut *conn)
            .await?;
    let Some((pages, headings, pdf)) = row else { return Ok(None) };
    sqlx::query("UPDATE binder_parts SET used_at = $1 WHERE org_id = $2 AND part_key = $3 AND used_at < $4")
        .bind(crate::platform::clock::stamp())
        .bind(org)
        .bind(key)
        .bind(crate::platform::clock::stamp_in(-86_400))
        .execute(&mut *conn)
        .await?;
    Ok(Some(Kept { pages, headings, pdf }))
}

/// Keeps a part (another process may have kept the same one meanwhile: then it stays).
pub async fn keep<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, part: &New<'_>) -> Result<(), DbError> {
    let now = crate::platform::clock::stamp();
    sqlx::query(
        "INSERT INTO binder_parts (org_id, part_key, plan_id, version, pages, headings, pdf, made_at, used_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) ON CONFLICT (org_id, part_key) DO NOTHING",
    )
    .bind(org)
    .bind(part.key)
    .bind(part.plan_id)
    .bind(part.version)
    .bind(part.pages)
    .bind(part.headings)
    .bind(part.pdf)
    .bind(now)
    .execute(e)
    .await?;
    Ok(())
}

/// Drops the organisation's parts that no print has used since `before`.
pub async fn drop_unused<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, before: &str) -> Result<u64, DbError> {
    Ok(sqlx::query("DELETE FROM binder_parts WHERE org_id = $1 AND used_at < $2")
        .bind(org)
        .bind(before)
        .execute(e)
        .await?
        .rows_affected())
}

/// (plan id, version) of every part the organisation keeps, in order: what a test or an operator
/// can see of the cache.
pub async fn list<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<(i64, i64)>, DbError> {
    Ok(sqlx::query_as("SELECT plan_id, version FROM binder_parts WHERE org_id = $1 ORDER BY plan_id, version, made_at")
        .bind(org)
        .fetch_all(e)
        .await?)
}
