//! The organisation's register version (migration 48): moved by every write to units, people,
//! suppliers, activities, systems, resources and dependencies, in the write's own transaction
//! when there is one. What a server keeps in memory of those registers is used only while the
//! version it was built at is still the database's, so a write made by any process is seen by
//! the next request of every other.

use std::future::Future;
use std::sync::Arc;

use sqlx::{Any, Executor};

use super::DbError;
use crate::platform::db::Db;

/// Moves the organisation's version on. Called by the store's writes to the registers above.
pub async fn bump<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO register_versions (org_id, version) VALUES ($1, 1)
         ON CONFLICT (org_id) DO UPDATE SET version = register_versions.version + 1",
    )
    .bind(org)
    .execute(e)
    .await?;
    Ok(())
}

/// The organisation's version now (0 before its first write).
pub async fn current<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<i64, DbError> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT version FROM register_versions WHERE org_id = $1").bind(org).fetch_optional(e).await?;
    Ok(row.map_or(0, |(v,)| v))
}

/// The organisation's `T`, built by `build` from the registers: the copy this process keeps
/// when the database's version is still the one it was built at, else built again and kept.
/// The version is read before `build` reads anything, so a copy may be newer than its number,
/// never older: a write between the two only makes the next request build it again.
pub async fn cached<T, F, Fut>(db: &Db, org: i64, build: F) -> Result<Arc<T>, DbError>
where
    T: Send + Sync + 'static,
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<T, DbError>>,
{
    let version = current(&db.pool, org).await?;
    if let Some(kept) = db.cache.get::<T>(org, version) {
        return Ok(kept);
    }
    let built = Arc::new(build().await?);
    db.cache.put(org, version, built.clone());
    Ok(built)
}

/// A register's records as this process keeps them while the organisation's version stays the
/// same (only for the registers named above): a list reads one number, not the whole table.
pub async fn kept<T, Fut>(db: &Db, org: i64, load: impl FnOnce() -> Fut) -> Result<Arc<Vec<T>>, DbError>
where
    T: Send + Sync + 'static,
    Fut: Future<Output = Result<Vec<T>, DbError>>,
{
    cached(db, org, load).await
}
