//! Evidence files of a system's self-assessment: a file kept for one requirement, read back, and
//! removed, each change in the audit trail (which keeps a file's name, size and SHA-256).

use beredd_domain::upload::Accepted;

use crate::platform::db::{Db, DbError};
use crate::store::evidence::{self, EvidenceFile, NewFile};
use crate::store::{audit, systems};

/// Keeps an accepted file as evidence for `requirement` of `system`, uploaded by `by`.
pub async fn add(
    db: &Db,
    actor: &audit::Actor,
    by: &str,
    system: &systems::System,
    requirement: &str,
    accepted: &Accepted,
    bytes: &[u8],
) -> Result<i64, DbError> {
    let org = actor.org_id;
    let mut tx = db.begin_write().await?;
    let file = NewFile { file_name: &accepted.file_name, content_type: accepted.content_type, content: bytes };
    let id = evidence::insert(&mut *tx, org, system.id, requirement, &file, by).await?;
    let stored = evidence::get(&mut *tx, org, id).await?;
    let summary = format!("{}: {} – {}", system.name, requirement, accepted.file_name);
    let change = audit::Change {
        action: "upload",
        entity: "evidence",
        entity_id: Some(id),
        summary: &summary,
        before: None,
        after: stored.as_ref(),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(id)
}

/// A file of the organisation with its bytes.
pub async fn file(pool: &sqlx::AnyPool, org: i64, id: i64) -> Result<Option<(EvidenceFile, Vec<u8>)>, DbError> {
    let Some(meta) = evidence::get(pool, org, id).await? else { return Ok(None) };
    Ok(evidence::content(pool, org, id).await?.map(|bytes| (meta, bytes)))
}

/// Removes a file of the organisation; the removed file's record, or `None` when there is none.
pub async fn delete(db: &Db, actor: &audit::Actor, id: i64) -> Result<Option<EvidenceFile>, DbError> {
    let org = actor.org_id;
    let mut tx = db.begin_write().await?;
    let Some(before) = evidence::get(&mut *tx, org, id).await? else { return Ok(None) };
    evidence::delete(&mut *tx, org, id).await?;
    let summary = format!("{} – {}", before.requirement_id, before.file_name);
    let change = audit::Change {
        action: "delete",
        entity: "evidence",
        entity_id: Some(id),
        summary: &summary,
        before: Some(&before),
        after: None,
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(Some(before))
}
