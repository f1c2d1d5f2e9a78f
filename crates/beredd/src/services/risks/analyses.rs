//! Risk analyses: adding one, changing its details, removing it with its risks (the actions
//! they made stay in the action plan), each with its entry in the audit trail.

use crate::platform::db::{Db, DbError};
use crate::services::Failure;
use crate::store::{audit, risks};

pub async fn add(db: &Db, actor: &audit::Actor, a: &risks::Analysis) -> Result<i64, DbError> {
    let mut tx = db.begin_write().await?;
    let id = risks::add_analysis(&mut *tx, actor.org_id, a).await?;
    let change = audit::Change {
        action: "create",
        entity: "risk-analysis",
        entity_id: Some(id),
        summary: &a.title,
        before: None,
        after: Some(a),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(id)
}

/// Changes an analysis's details; it keeps who made it.
pub async fn update(
    db: &Db,
    actor: &audit::Actor,
    before: &risks::Analysis,
    mut a: risks::Analysis,
) -> Result<(), DbError> {
    a.id = before.id;
    a.created_by = before.created_by.clone();
    let mut tx = db.begin_write().await?;
    risks::update_analysis(&mut *tx, actor.org_id, &a).await?;
    let change = audit::Change {
        action: "update",
        entity: "risk-analysis",
        entity_id: Some(a.id),
        summary: &a.title,
        before: Some(before),
        after: Some(&a),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(())
}

/// Removes an analysis and its risks, keeping both in the audit trail's record.
pub async fn delete(db: &Db, actor: &audit::Actor, id: i64) -> Result<(), Failure> {
    let org = actor.org_id;
    let a = risks::analyses(&db.pool, org).await?.into_iter().find(|a| a.id == id).ok_or(Failure::NotFound)?;
    let gone: Vec<risks::Risk> =
        risks::risks(&db.pool, org).await?.into_iter().filter(|r| r.analysis_id == id).collect();
    let mut tx = db.begin_write().await?;
    risks::delete_analysis(&mut tx, org, id).await?;
    let before = serde_json::json!({ "analysis": a, "risks": gone });
    let change = audit::Change {
        action: "delete",
        entity: "risk-analysis",
        entity_id: Some(id),
        summary: &a.title,
        before: Some(&before),
        after: None,
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(())
}
