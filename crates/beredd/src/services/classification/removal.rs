//! Removing a system's whole self-assessment with its evidence files: on purpose, never as a side
//! effect of deleting the system (security review F10). The audit trail keeps every answer and
//! each file's name, size and SHA-256, though not the files themselves.

use crate::platform::db::{Db, DbError};
use crate::store::{assessments, audit, evidence, systems};

/// What removing did.
#[derive(Debug, PartialEq, Eq)]
pub enum Removed {
    /// The organisation has no such system.
    NoSystem,
    /// The system had neither answers nor files.
    Nothing,
    Removed,
}

/// Removes every answer and evidence file of the organisation's system `id`.
pub async fn remove(db: &Db, actor: &audit::Actor, id: i64) -> Result<Removed, DbError> {
    let org = actor.org_id;
    let mut tx = db.begin_write().await?;
    let Some(system) = systems::get(&mut tx, org, id).await? else { return Ok(Removed::NoSystem) };
    let answers = assessments::for_system(&mut *tx, org, id).await?;
    let files = evidence::for_system(&mut *tx, org, id).await?;
    if answers.is_empty() && files.is_empty() {
        return Ok(Removed::Nothing);
    }
    evidence::delete_for_system(&mut *tx, org, id).await?;
    assessments::delete_for_system(&mut *tx, org, id).await?;
    let before = serde_json::json!({ "system": system.name, "assessments": answers, "evidence": files });
    let change = audit::Change {
        action: "delete",
        entity: "self-assessment",
        entity_id: Some(id),
        summary: &system.name,
        before: Some(&before),
        after: None::<&serde_json::Value>,
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(Removed::Removed)
}
