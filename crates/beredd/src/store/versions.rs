//! The organisation's two versions. The register version (migration 48) moves with every write
//! to units, people, suppliers, activities, systems, resources and dependencies, in the write's
//! own transaction when there is one. The data version (migration 54) moves with it and also
//! after every request that may have written anything of the organisation (any method but GET
//! and HEAD, `web::metrics::written`) and every background job. What a server keeps in memory is
//! used only while the version it was built at is still the database's, so a write made by any
//! process is seen by the next request of every other: the name maps and the dependency graph
//! by the register version, the rest (the start page's facts, sorted lists) by the data version.

use std::future::Future;
use std::sync::Arc;

use sqlx::{Any, Executor};

use super::DbError;
use crate::platform::db::Db;

/// Moves both of the organisation's versions on. Called by the store's writes to the registers
/// above.
pub async fn bump<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO register_versions (org_id, version, data_version) VALUES ($1, 1, 1)
         ON CONFLICT (org_id) DO UPDATE SET version = register_versions.version + 1,
             data_version = register_versions.data_version + 1",
    )
    .bind(org)
    .execute(e)
    .await?;
    Ok(())
}

/// Moves the organisation's data version on: something other than the registers was written.
pub async fn touch<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO register_versions (org_id, version, data_version) VALUES ($1, 0, 1)
         ON CONFLICT (org_id) DO UPDATE SET data_version = register_versions.data_version + 1",
    )
    .bind(org)
    .execute(e)
    .await?;
    Ok(())
}

/// Which of the two versions a kept copy follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Follows {
    /// The registers alone (names, the dependency graph).
    Registers,
    /// Anything of the organisation.
    Data,
}

/// The organisation's register version now (0 before its first write).
pub async fn current<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<i64, DbError> {
    current_of(e, org, Follows::Registers).await
}

async fn current_of<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, which: Follows) -> Result<i64, DbError> {
    let sql = match which {
        Follows::Registers => "SELECT version FROM register_versions WHERE org_id = $1",
        Follows::Data => "SELECT data_version FROM register_versions WHERE org_id = $1",
    };
    let row: Option<(i64,)> = sqlx::query_as(sql).bind(org).fetch_optional(e).await?;
    Ok(row.map_or(0, |(v,)| v))
}

/// The organisation's `T`, built by `build` from the registers: the copy this process keeps
/// when the database's register version is still the one it was built at, else built again and
/// kept. The version is read before `build` reads anything, so a copy may be newer than its
/// number, never older: a write between the two only makes the next request build it again.
pub async fn cached<T, F, Fut>(db: &Db, org: i64, build: F) -> Result<Arc<T>, DbError>
where
    T: Send + Sync + 'static,
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<T, DbError>>,
{
    cached_if(db, org, Follows::Registers, |_: &T| true, build).await
}

/// As [`cached`], following the version `which`, and using the kept copy only when `still` says
/// it holds (built on the same day, say).
pub async fn cached_if<T, F, Fut>(
    db: &Db,
    org: i64,
    which: Follows,
    still: impl Fn(&T) -> bool,
    build: F,
) -> Result<Arc<T>, DbError>
where
    T: Send + Sync + 'static,
    F: FnOnce() -> Fut,
    Fut: Future<Output = Result<T, DbError>>,
{
    let version = current_of(&db.pool, org, which).await?;
    if let Some(kept) = db.cache.get::<T>(org, version).filter(|k| still(k)) {
        return Ok(kept);
    }
    // One request builds; the others that found the copy stale meanwhile wait and take it.
    let gate = db.cache.gate::<T>(org);
    let _building = gate.lock().await;
    if let Some(kept) = db.cache.get::<T>(org, version).filter(|k| still(k)) {
        return Ok(kept);
    }
    let built = Arc::new(build().await?);
    db.cache.put(org, version, built.clone());
    Ok(built)
}

/// A register's records as this process keeps them while the organisation's register version
/// stays the same (only for the registers named above): a list reads one number, not the whole
/// table.
pub async fn kept<T, Fut>(db: &Db, org: i64, load: impl FnOnce() -> Fut) -> Result<Arc<Vec<T>>, DbError>
where
    T: Send + Sync + 'static,
    Fut: Future<Output = Result<Vec<T>, DbError>>,
{
    cached(db, org, load).await
}

/// Any records of the organisation (actions, information assets) as this process keeps them
/// while its data version stays the same.
pub async fn kept_data<T, Fut>(db: &Db, org: i64, load: impl FnOnce() -> Fut) -> Result<Arc<Vec<T>>, DbError>
where
    T: Send + Sync + 'static,
    Fut: Future<Output = Result<Vec<T>, DbError>>,
{
    cached_if(db, org, Follows::Data, |_: &Vec<T>| true, load).await
}
