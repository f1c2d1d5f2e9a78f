//! Evidence files attached to a framework answer: kept, read back, removed, each change in the
//! audit trail (which keeps a file's name, size and SHA-256).

use std::collections::HashMap;

use beredd_domain::framework::Node;
use beredd_domain::upload::Accepted;

use crate::platform::db::{Db, DbError};
use crate::store::audit;
use crate::store::evidence::{self, FrameworkFile, NewFile};
use crate::store::frameworks::Assessment;

/// Keeps an accepted file as evidence for the answer to `node` in `a`, uploaded by `by`.
pub async fn add(
    db: &Db,
    actor: &audit::Actor,
    by: &str,
    (a, node): (&Assessment, &Node),
    accepted: &Accepted,
    bytes: &[u8],
) -> Result<i64, DbError> {
    let org = actor.org_id;
    let mut tx = db.begin_write().await?;
    let file = NewFile { file_name: &accepted.file_name, content_type: accepted.content_type, content: bytes };
    let id = evidence::insert_framework_file(&mut *tx, org, a.id, &node.id, &file, by).await?;
    let stored = evidence::framework_file(&mut *tx, org, id).await?;
    let summary = format!("{} · {} – {}", a.title, node.reference, accepted.file_name);
    let change = audit::Change {
        action: "upload",
        entity: "framework-evidence",
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
pub async fn file(pool: &sqlx::AnyPool, org: i64, id: i64) -> Result<Option<(FrameworkFile, Vec<u8>)>, DbError> {
    let Some(meta) = evidence::framework_file(pool, org, id).await? else { return Ok(None) };
    Ok(evidence::framework_content(pool, org, id).await?.map(|bytes| (meta, bytes)))
}

/// The names of an assessment's files, by requirement.
pub async fn names(pool: &sqlx::AnyPool, org: i64, assessment: i64) -> Result<HashMap<String, Vec<String>>, DbError> {
    let mut out: HashMap<String, Vec<String>> = HashMap::new();
    for f in evidence::for_assessment(pool, org, assessment).await? {
        out.entry(f.node_id).or_default().push(f.file_name);
    }
    Ok(out)
}

/// Removes a file of the organisation; the removed file's record, or `None` when there is none.
pub async fn delete(db: &Db, actor: &audit::Actor, id: i64) -> Result<Option<FrameworkFile>, DbError> {
    let org = actor.org_id;
    let mut tx = db.begin_write().await?;
    let Some(before) = evidence::framework_file(&mut *tx, org, id).await? else { return Ok(None) };
    evidence::delete_framework_file(&mut *tx, org, id).await?;
    let summary = format!("{} – {}", before.node_id, before.file_name);
    let change = audit::Change {
        action: "delete",
        entity: "framework-evidence",
        entity_id: Some(id),
        summary: &summary,
        before: Some(&before),
        after: None,
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(Some(before))
}
