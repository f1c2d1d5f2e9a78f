//! Writing the records of the registers that share one set of pages (`web::register`: units,
//! people, suppliers, activities, systems, resources, information assets, dependencies, actions
//! and saved scenarios): each create, update and delete in one transaction with its audit entry
//! (who, what, before and after). A register says how its records are stored by implementing
//! [`Stored`]; the pages add how they are shown.

use std::future::Future;

use serde::Serialize;
use sqlx::AnyConnection;

use crate::platform::db::Db;
use crate::services::Failure;
use crate::store::{DbError, audit};

/// How a register's records are read and written.
pub trait Stored: Send + Sync + 'static {
    type Record: Serialize + Clone + Send + Sync;
    type Input: Send + Sync;
    /// The entity name in the audit trail.
    const ENTITY: &'static str;

    fn name(r: &Self::Record) -> &str;
    fn load(
        conn: &mut AnyConnection,
        org: i64,
        id: i64,
    ) -> impl Future<Output = Result<Option<Self::Record>, DbError>> + Send;
    fn insert(
        conn: &mut AnyConnection,
        org: i64,
        input: &Self::Input,
    ) -> impl Future<Output = Result<i64, DbError>> + Send;
    fn update(
        conn: &mut AnyConnection,
        org: i64,
        id: i64,
        input: &Self::Input,
    ) -> impl Future<Output = Result<(), DbError>> + Send;
    fn delete(conn: &mut AnyConnection, org: i64, id: i64) -> impl Future<Output = Result<(), DbError>> + Send;
}

/// A write the database refused because a record of the same name (or key) exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Duplicate;

/// Stores a new record; its id, or [`Duplicate`]. Nothing is stored when it is refused.
pub async fn create<S: Stored>(
    db: &Db,
    actor: &audit::Actor,
    input: &S::Input,
) -> Result<Result<i64, Duplicate>, Failure> {
    let mut tx = db.begin_write().await?;
    let id = match S::insert(&mut tx, actor.org_id, input).await {
        Ok(id) => id,
        Err(e) if e.is_unique_violation() => return Ok(Err(Duplicate)),
        Err(e) => return Err(e.into()),
    };
    let after = S::load(&mut tx, actor.org_id, id).await?.ok_or(Failure::Internal("vanished after insert".into()))?;
    let change = audit::Change {
        action: "create",
        entity: S::ENTITY,
        entity_id: Some(id),
        summary: S::name(&after),
        before: None,
        after: Some(&after),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(Ok(id))
}

/// Changes record `id` (which was `before` when the user's rights were checked) to `input`.
pub async fn update<S: Stored>(
    db: &Db,
    actor: &audit::Actor,
    id: i64,
    before: &S::Record,
    input: &S::Input,
) -> Result<Result<(), Duplicate>, Failure> {
    let mut tx = db.begin_write().await?;
    match S::update(&mut tx, actor.org_id, id, input).await {
        Ok(()) => {}
        Err(e) if e.is_unique_violation() => return Ok(Err(Duplicate)),
        Err(e) => return Err(e.into()),
    }
    let after = S::load(&mut tx, actor.org_id, id).await?.ok_or(Failure::NotFound)?;
    let change = audit::Change {
        action: "update",
        entity: S::ENTITY,
        entity_id: Some(id),
        summary: S::name(&after),
        before: Some(before),
        after: Some(&after),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(Ok(()))
}

/// Deletes record `id`, which was `record` (the caller has checked that nothing refers to it).
pub async fn delete<S: Stored>(db: &Db, actor: &audit::Actor, id: i64, record: &S::Record) -> Result<(), Failure> {
    let mut tx = db.begin_write().await?;
    S::delete(&mut tx, actor.org_id, id).await?;
    let change = audit::Change {
        action: "delete",
        entity: S::ENTITY,
        entity_id: Some(id),
        summary: S::name(record),
        before: Some(record),
        after: None,
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await.map_err(DbError::from)?;
    Ok(())
}

/// After anything that may have written an organisation's data: its data version moves on, so that
/// what every process keeps of it (`store::versions`) is built again at its next use.
pub async fn moved_on(db: &Db, org: i64) -> Result<(), DbError> {
    crate::store::versions::touch(&db.pool, org).await
}
