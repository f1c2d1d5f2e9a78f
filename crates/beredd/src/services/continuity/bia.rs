//! An activity's business impact analysis: saving it and signing it off, each with its entry in
//! the audit trail.

use crate::platform::clock;
use crate::platform::db::{Db, DbError};
use crate::services::Failure;
use crate::store::{activities, audit, bia};

/// Saves the analysis of `activity` (made the first time).
pub async fn save(
    db: &Db,
    actor: &audit::Actor,
    activity: &activities::Activity,
    input: &bia::BiaInput,
) -> Result<(), DbError> {
    let (org, id) = (actor.org_id, activity.id);
    let mut tx = db.begin_write().await?;
    let before = bia::get(&mut *tx, org, id).await?;
    bia::save(&mut *tx, org, id, input).await?;
    let after = bia::get(&mut *tx, org, id).await?;
    let change = audit::Change {
        action: "update",
        entity: "bia",
        entity_id: Some(id),
        summary: &activity.name,
        before: before.as_ref(),
        after: after.as_ref(),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(())
}

/// Signs off the analysis of `activity` as `by`, today; not found when it has none.
pub async fn sign_off(db: &Db, actor: &audit::Actor, activity: &activities::Activity, by: &str) -> Result<(), Failure> {
    let (org, id) = (actor.org_id, activity.id);
    let mut tx = db.begin_write().await?;
    let before = bia::get(&mut *tx, org, id).await?.ok_or(Failure::NotFound)?;
    bia::sign_off(&mut *tx, org, id, by, clock::today()).await?;
    let after = bia::get(&mut *tx, org, id).await?;
    let change = audit::Change {
        action: "sign-off",
        entity: "bia",
        entity_id: Some(id),
        summary: &activity.name,
        before: Some(&before),
        after: after.as_ref(),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(())
}
