//! Making a plan from a template, saving its draft, approving the draft and deleting the plan,
//! each written with its entry in the audit trail.

use beredd_domain::plan::{Gap, PlanContent};

use super::shown::fingerprint;
use super::{Registers, draft, one_year_after};
use crate::content::plan_templates::PlanTemplate;
use crate::platform::clock::{self, Day};
use crate::platform::db::{Db, DbError};
use crate::platform::i18n::Tr;
use crate::services::Failure;
use crate::store::{activities, audit, dependencies, people, plans, suppliers, systems, units};

/// A new plan for `units` drafted from template `t` and what the registers know of the units.
pub async fn create(
    db: &Db,
    actor: &audit::Actor,
    t: &PlanTemplate,
    name: &str,
    units: &[i64],
    by: &str,
) -> Result<i64, DbError> {
    let (pool, org) = (&db.pool, actor.org_id);
    let (all_units, everyone) = (units::list(pool, org).await?, people::list(pool, org).await?);
    let (acts, deps) = (activities::list(pool, org).await?, dependencies::list(pool, org).await?);
    let (syss, sups) = (systems::list(pool, org).await?, suppliers::list(pool, org).await?);
    let regs = Registers {
        units: &all_units,
        activities: &acts,
        people: &everyone,
        dependencies: &deps,
        systems: &syss,
        suppliers: &sups,
    };
    let content = draft(t, &regs, units);
    let mut tx = db.begin_write().await?;
    let id = plans::create(&mut tx, org, name, Some(&t.id), units, &content, by).await?;
    let after = plans::version(&mut *tx, org, id, 1).await?;
    let change = audit::Change {
        action: "create",
        entity: "plan",
        entity_id: Some(id),
        summary: name,
        before: None,
        after: after.as_ref(),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(id)
}

/// A plan's head and content as the editor gives them, checked.
pub struct Draft {
    pub name: String,
    pub review_due: Option<Day>,
    pub units: Vec<i64>,
    pub content: PlanContent,
    pub note: Option<String>,
}

/// The version an editor was opened on, posted back with the form: its number and fingerprint.
pub fn edit_token(v: &plans::Version) -> String {
    format!("{}:{}", v.number, fingerprint(v))
}

/// Saves the draft: the open one is changed in place, or a new one follows an approved version.
/// `seen` is the [`edit_token`] of the version the editor was opened on; when another save has
/// landed since, nothing is saved and the newest version's token is returned, so that the
/// editor can say so and a second save replaces that version knowingly (no silent overwrite of
/// someone else's changes). A form without a token (from before it existed) is saved as it is.
pub async fn save(
    db: &Db,
    actor: &audit::Actor,
    tr: &Tr,
    (plan, seen): (i64, &str),
    d: &Draft,
    by: &str,
) -> Result<Result<(), String>, DbError> {
    let org = actor.org_id;
    let mut tx = db.begin_write().await?;
    // The plan's row first: on PostgreSQL a second save waits here until the first is committed,
    // and then reads what it saved.
    plans::update_plan(&mut *tx, org, plan, &d.name, d.review_due).await?;
    let before = plans::versions(&mut *tx, org, plan).await?.into_iter().next();
    if let Some(newest) = before.as_ref().filter(|v| !seen.is_empty() && edit_token(v) != seen) {
        // Dropping the transaction undoes the head's update.
        return Ok(Err(edit_token(newest)));
    }
    plans::set_units(&mut tx, plan, &d.units).await?;
    let number = plans::save_draft(&mut tx, org, plan, &d.content, d.note.as_deref(), by).await?;
    let after = plans::version(&mut *tx, org, plan, number).await?;
    let summary = format!("{} ({})", d.name, tr.tn("binder-version-n", number));
    let change = audit::Change {
        action: "update",
        entity: "plan",
        entity_id: Some(plan),
        summary: &summary,
        before: before.as_ref(),
        after: after.as_ref(),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// The version a user looked at when they chose to approve: its number and fingerprint.
pub struct Seen<'a> {
    pub number: Option<i64>,
    pub fingerprint: &'a str,
}

/// Why a draft was not approved.
pub enum Refusal {
    /// It is no longer the open draft the user saw (approved, replaced or changed since).
    Stale,
    /// It is not complete.
    Gaps(Vec<Gap>),
    /// No manager, or no one the register holds who may approve, was named as approver.
    NoApprover,
}

/// Whether the newest version may be approved as seen.
fn refusal(newest: &plans::Version, seen: &Seen) -> Result<Option<Refusal>, DbError> {
    if !newest.is_draft() || seen.number != Some(newest.number) {
        return Ok(Some(Refusal::Stale));
    }
    let gaps = newest.content()?.gaps();
    Ok(if !gaps.is_empty() {
        Some(Refusal::Gaps(gaps))
    } else if seen.fingerprint != fingerprint(newest) {
        Some(Refusal::Stale)
    } else {
        None
    })
}

/// Approves the open draft the user saw, when it is complete, in the name of `approver` (the
/// manager, a person of the register), recorded by the user `by`; sets the next review a year
/// from today.
pub async fn approve(
    db: &Db,
    actor: &audit::Actor,
    tr: &Tr,
    (plan, seen): (&plans::Plan, &Seen<'_>),
    approver: Option<i64>,
    by: &str,
) -> Result<Option<Refusal>, Failure> {
    let (org, id) = (actor.org_id, plan.id);
    let mut tx = db.begin_write().await?;
    let newest = plans::versions(&mut *tx, org, id).await?.into_iter().next().ok_or(Failure::NotFound)?;
    if let Some(r) = refusal(&newest, seen)? {
        return Ok(Some(r));
    }
    let manager = match approver {
        Some(p) => people::get(&mut *tx, org, p).await?.filter(super::approvers::eligible),
        None => None,
    };
    let Some(manager) = manager else { return Ok(Some(Refusal::NoApprover)) };
    let review_due = one_year_after(clock::today());
    let approval = plans::Approval { approver_id: Some(manager.id), approver: &manager.name, recorded_by: by };
    plans::approve(&mut tx, org, (id, newest.number), &approval, review_due).await?;
    let after = plans::version(&mut *tx, org, id, newest.number).await?;
    let summary = format!("{} ({}, {})", plan.name, tr.tn("binder-version-n", newest.number), manager.name);
    let change = audit::Change {
        action: "approve",
        entity: "plan",
        entity_id: Some(id),
        summary: &summary,
        before: Some(&newest),
        after: after.as_ref(),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(None)
}

/// Deletes a plan with its versions.
pub async fn delete(db: &Db, actor: &audit::Actor, id: i64) -> Result<(), Failure> {
    let mut tx = db.begin_write().await?;
    let plan = plans::get(&mut tx, actor.org_id, id).await?.ok_or(Failure::NotFound)?;
    // Every version, approved ones included, goes with the plan: the audit trail keeps them all,
    // so a plan deleted by mistake can be typed back from it (security review F10).
    let versions = plans::versions(&mut *tx, actor.org_id, id).await?;
    plans::delete(&mut *tx, actor.org_id, id).await?;
    let before = serde_json::json!({ "plan": plan, "versions": versions });
    let change = audit::Change {
        action: "delete",
        entity: "plan",
        entity_id: Some(id),
        summary: &plan.name,
        before: Some(&before),
        after: None::<&serde_json::Value>,
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(())
}
