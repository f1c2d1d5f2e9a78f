//! The users an administrator keeps: new accounts, their role, unit grants and whether they may
//! log in, and new passwords; each change written with its entry in the audit trail.

use beredd_domain::Role;

use crate::platform::db::{Db, DbError};
use crate::services::Failure;
use crate::store::{audit, sessions, users};

/// What an administrator sets on an account.
pub struct Account {
    pub display_name: String,
    pub role: Role,
    /// The units granted (to a unit manager).
    pub units: Vec<i64>,
    /// A break-glass account: keeps its local password while single sign-on is configured.
    pub break_glass: bool,
}

/// Whether a change would lock the administrator making it out: taking away their own
/// administrator role, or their own login.
pub fn locks_out(me: i64, id: i64, role: Role, active: bool) -> bool {
    id == me && (role != Role::Admin || !active)
}

/// Makes an active account with the password already hashed.
pub async fn create(db: &Db, actor: &audit::Actor, username: &str, a: &Account, hash: &str) -> Result<i64, DbError> {
    let mut tx = db.begin_write().await?;
    let new = users::NewUser {
        org_id: actor.org_id,
        username,
        display_name: &a.display_name,
        password_hash: hash,
        role: a.role,
        lang: "sv",
    };
    let id = users::insert(&mut *tx, &new).await?;
    users::update_account(&mut tx, actor.org_id, id, &a.display_name, a.role, true, &a.units).await?;
    users::set_break_glass(&mut *tx, actor.org_id, id, a.break_glass).await?;
    let after = users::get(&mut tx, actor.org_id, id).await?;
    let change = audit::Change {
        action: "create",
        entity: "user",
        entity_id: Some(id),
        summary: username,
        before: None,
        after: after.as_ref(),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(id)
}

/// Changes an account; one made inactive loses its sessions.
pub async fn update(db: &Db, actor: &audit::Actor, id: i64, a: &Account, active: bool) -> Result<(), Failure> {
    let mut tx = db.begin_write().await?;
    let before = users::get(&mut tx, actor.org_id, id).await?.ok_or(Failure::NotFound)?;
    users::update_account(&mut tx, actor.org_id, id, &a.display_name, a.role, active, &a.units).await?;
    users::set_break_glass(&mut *tx, actor.org_id, id, a.break_glass).await?;
    let after = users::get(&mut tx, actor.org_id, id).await?;
    let change = audit::Change {
        action: "update",
        entity: "user",
        entity_id: Some(id),
        summary: &before.username,
        before: Some(&before),
        after: after.as_ref(),
    };
    audit::record(&mut *tx, actor, change).await?;
    tx.commit().await?;
    Ok(())
}

/// Sets a password for someone (hashed already) and ends all their sessions.
pub async fn reset_password(db: &Db, actor: &audit::Actor, target: &users::User, hash: &str) -> Result<(), DbError> {
    let mut tx = db.begin_write().await?;
    users::set_password(&mut *tx, target.id, hash, users::PasswordSet::Reset).await?;
    sessions::delete_all(&mut *tx, target.id).await?;
    let change: audit::Change<'_, ()> = audit::Change {
        action: "password-reset",
        entity: "user",
        entity_id: Some(target.id),
        summary: &target.username,
        before: None,
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
    fn an_administrator_cannot_take_away_their_own_role_or_login() {
        assert!(locks_out(1, 1, Role::Coordinator, true));
        assert!(locks_out(1, 1, Role::Admin, false));
        assert!(!locks_out(1, 1, Role::Admin, true));
        assert!(!locks_out(1, 2, Role::Reader, false));
    }
}
