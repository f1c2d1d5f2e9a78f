//! The risks of an analysis: adding one, changing it, removing it, each with its entry in the
//! audit trail. A risk decided to be treated becomes an action in the action plan, with a
//! priority from its residual level.

use beredd_domain::risk::{Level, RiskDecision};
use beredd_domain::{ActionStatus, Priority};

use super::Scales;
use crate::platform::db::{Db, DbError};
use crate::platform::i18n::Tr;
use crate::store::{actions, audit, risks};

/// A risk as the form gives it, checked: the risk, the assets it touches, and the due date of
/// the action a treatment makes.
pub struct Checked {
    pub risk: risks::Risk,
    pub assets: Vec<i64>,
    pub due: Option<crate::platform::clock::Day>,
}

/// The action plan's priority for a risk at this residual level.
pub fn priority(level: Level) -> Priority {
    match level {
        Level::Critical | Level::High => Priority::High,
        Level::Medium => Priority::Medium,
        Level::Low => Priority::Low,
    }
}

/// The action that treats a risk.
async fn treatment(
    conn: &mut sqlx::AnyConnection,
    org: i64,
    tr: &Tr,
    s: &Scales,
    r: &risks::Risk,
    due: Option<crate::platform::clock::Day>,
) -> Result<i64, DbError> {
    let input = actions::ActionInput {
        title: tr.ts("risk-action-title", "threat", &r.threat),
        origin: beredd_domain::ActionOrigin::Risk,
        origin_ref: Some(format!("analysis:{}", r.analysis_id)),
        owner_id: r.owner_id,
        unit_id: None,
        priority: priority(s.level(r.residual_likelihood, r.residual_consequence)),
        due_date: due,
        status: ActionStatus::Planned,
        notes: r.measures.clone(),
    };
    actions::insert(&mut *conn, org, &input).await
}

/// Adds a risk to analysis `analysis`; one to treat gets its action.
pub async fn add(
    db: &Db,
    actor: &audit::Actor,
    tr: &Tr,
    s: &Scales,
    analysis: i64,
    c: Checked,
) -> Result<i64, DbError> {
    let Checked { mut risk, assets, due } = c;
    risk.analysis_id = analysis;
    let mut tx = db.begin_write().await?;
    if risk.decision == RiskDecision::Treat {
        risk.action_id = Some(treatment(&mut tx, actor.org_id, tr, s, &risk, due).await?);
    }
    let id = risks::add_risk(&mut *tx, actor.org_id, &risk).await?;
    risks::set_assets(&mut tx, id, &assets).await?;
    let change = audit::Change {
        action: "create",
        entity: "risk",
        entity_id: Some(id),
        summary: &risk.threat,
        before: None,
        after: Some(&risk),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(id)
}

/// Changes a risk. It keeps its analysis and action, and who decided unless the decision
/// changed; a risk newly decided to be treated gets its action (an existing one is kept as it is).
pub async fn save(
    db: &Db,
    actor: &audit::Actor,
    tr: &Tr,
    s: &Scales,
    before: &risks::Risk,
    c: Checked,
) -> Result<(), DbError> {
    let Checked { mut risk, assets, due } = c;
    risk.id = before.id;
    risk.analysis_id = before.analysis_id;
    risk.action_id = before.action_id;
    if risk.decision == before.decision {
        risk.decided_by = before.decided_by.clone();
    }
    let mut tx = db.begin_write().await?;
    if risk.decision == RiskDecision::Treat && risk.action_id.is_none() {
        risk.action_id = Some(treatment(&mut tx, actor.org_id, tr, s, &risk, due).await?);
    }
    risks::update_risk(&mut *tx, actor.org_id, &risk).await?;
    risks::set_assets(&mut tx, risk.id, &assets).await?;
    let change = audit::Change {
        action: "update",
        entity: "risk",
        entity_id: Some(risk.id),
        summary: &risk.threat,
        before: Some(before),
        after: Some(&risk),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(())
}

/// Removes a risk; an action it made stays in the action plan.
pub async fn delete(db: &Db, actor: &audit::Actor, r: &risks::Risk) -> Result<(), DbError> {
    let mut tx = db.begin_write().await?;
    risks::set_assets(&mut tx, r.id, &[]).await?;
    risks::delete_risk(&mut *tx, actor.org_id, r.id).await?;
    let change = audit::Change {
        action: "delete",
        entity: "risk",
        entity_id: Some(r.id),
        summary: &r.threat,
        before: Some(r),
        after: None,
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_treated_risk_gets_a_priority_from_its_residual_level() {
        assert_eq!(priority(Level::Critical), Priority::High);
        assert_eq!(priority(Level::High), Priority::High);
        assert_eq!(priority(Level::Medium), Priority::Medium);
        assert_eq!(priority(Level::Low), Priority::Low);
    }
}
