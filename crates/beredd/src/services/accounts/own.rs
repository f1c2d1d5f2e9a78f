//! The user's own account and the organisation's details: which person in the register the user
//! is, a new password (ending their other sessions), and the organisation's name and number; each
//! change with its entry in the audit trail.

use crate::platform::db::{Db, DbError};
use crate::services::Failure;
use crate::store::{audit, orgs, sessions, users};

/// Says which person in the register the user is (none: nobody).
pub async fn set_person(db: &Db, actor: &audit::Actor, user: i64, person: Option<i64>) -> Result<(), DbError> {
    let mut tx = db.begin_write().await?;
    users::set_person(&mut *tx, user, person).await?;
    let record = serde_json::json!({ "person_id": person });
    let change = audit::Change {
        action: "update",
        entity: "user",
        entity_id: Some(user),
        summary: &actor.username,
        before: None::<&serde_json::Value>,
        after: Some(&record),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(())
}

/// Sets the user's own new password (hashed already); their sessions but `keep` end.
pub async fn set_password(db: &Db, actor: &audit::Actor, user: i64, keep: i64, hash: &str) -> Result<(), DbError> {
    let mut tx = db.begin_write().await?;
    users::set_password(&mut *tx, user, hash, users::PasswordSet::ByUser).await?;
    sessions::delete_others(&mut *tx, user, keep).await?;
    let change: audit::Change<'_, ()> = audit::Change {
        action: "password",
        entity: "user",
        entity_id: Some(user),
        summary: &actor.username,
        before: None,
        after: None,
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(())
}

/// Changes the organisation's name and organisation number, and where the key folder, the
/// backup passphrase and the break-glass accounts are kept (in that order).
pub async fn set_organisation(
    db: &Db,
    actor: &audit::Actor,
    name: &str,
    number: Option<&str>,
    kept: [Option<&str>; 3],
    dpo: Option<i64>,
    second_factor_required: orgs::SecondFactorRule,
) -> Result<(), Failure> {
    let org = actor.org_id;
    let mut tx = db.begin_write().await?;
    let before = orgs::get(&mut *tx, org).await?.ok_or(Failure::NotFound)?;
    orgs::update(&mut *tx, org, name, number).await?;
    orgs::set_safekeeping(&mut *tx, org, kept).await?;
    orgs::set_dpo(&mut *tx, org, dpo).await?;
    orgs::set_second_factor_required(&mut *tx, org, second_factor_required).await?;
    let after = orgs::get(&mut *tx, org).await?;
    let change = audit::Change {
        action: "update",
        entity: "organisation",
        entity_id: Some(org),
        summary: name,
        before: Some(&before),
        after: after.as_ref(),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(())
}
