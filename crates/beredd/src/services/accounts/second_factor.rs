//! A second factor for local accounts: a one-time code from an authenticator app (TOTP), set up
//! by the user on their account page and confirmed with a first code, with ten recovery codes
//! shown once; asked for at every local login after the password; reset by an administrator.
//! Each change is audited.

use beredd_domain::FieldError;

use crate::platform::db::Db;
use crate::platform::totp;
use crate::services::{Failure, Invalid};
use crate::store::{audit, second_factor as store, sessions, users};

/// How many recovery codes a user gets.
pub const RECOVERY_CODES: usize = 10;

fn hash(code: &str) -> String {
    sessions::hash_token(&code.trim().to_lowercase().replace([' ', '-'], ""))
}

/// The audit entry of a change to `target`'s second factor.
fn change<'a>(action: &'a str, target: &'a users::User) -> audit::Change<'a, ()> {
    audit::Change {
        action,
        entity: "second-factor",
        entity_id: Some(target.id),
        summary: &target.username,
        before: None,
        after: None,
    }
}

/// Whether `user` has a second factor turned on: the app's codes, or a passkey.
pub async fn is_on(db: &Db, user: i64) -> Result<bool, Failure> {
    Ok(totp_on(db, user).await? || super::passkeys::any(db, user).await?)
}

/// Whether `user` has the authenticator app's codes turned on.
pub async fn totp_on(db: &Db, user: i64) -> Result<bool, Failure> {
    Ok(store::get(&db.pool, user).await?.totp_secret.is_some())
}

/// Ten new recovery codes (`abcde-fghij`), to be shown once.
pub fn new_recovery_codes() -> Vec<String> {
    (0..RECOVERY_CODES)
        .map(|_| {
            let t = sessions::random_token().to_lowercase().replace(['-', '_'], "");
            format!("{}-{}", &t[..5], &t[5..10])
        })
        .collect()
}

/// The codes' hashes, as stored.
pub fn hashes(codes: &[String]) -> String {
    codes.iter().map(|c| hash(c)).collect::<Vec<_>>().join(",")
}

/// A new secret to set up (kept until a code confirms it); the one being set up if there is one.
pub async fn begin(db: &Db, user: i64) -> Result<String, Failure> {
    let f = store::get(&db.pool, user).await?;
    if let Some(p) = f.totp_pending {
        return Ok(p);
    }
    let secret = totp::new_secret();
    store::set_pending(&db.pool, user, &secret).await?;
    Ok(secret)
}

/// Turns the second factor on when `code` matches the secret being set up; the recovery codes,
/// shown this once.
pub async fn confirm(db: &Db, actor: &audit::Actor, user: &users::User, code: &str) -> Result<Vec<String>, Failure> {
    let f = store::get(&db.pool, user.id).await?;
    let Some(secret) = f.totp_pending else { return Err(Invalid::default().with("code", FieldError::Missing).into()) };
    let Some(step) = totp::check(&secret, code, 0) else {
        return Err(Invalid::default().with("code", FieldError::WrongPassword).into());
    };
    let codes = new_recovery_codes();
    let hashes = hashes(&codes);
    let mut tx = db.begin_write().await?;
    store::confirm(&mut *tx, user.id, &secret, step, &hashes).await?;
    audit::record(&mut *tx, actor, change("enable", user)).await?;
    tx.commit().await?;
    Ok(codes)
}

/// Whether `code` (from the app, or an unused recovery code) lets `user` in; each is taken once.
pub async fn verify(db: &Db, user: &users::User, code: &str) -> Result<bool, Failure> {
    let f = store::get(&db.pool, user.id).await?;
    if let Some(secret) = &f.totp_secret
        && let Some(step) = totp::check(secret, code, f.totp_last_step)
    {
        return Ok(store::take_step(&db.pool, user.id, step).await?);
    }
    let Some(before) = f.recovery_codes else { return Ok(false) };
    let typed = hash(code);
    let left: Vec<&str> = before.split(',').filter(|h| !h.is_empty()).collect();
    if code.trim().is_empty() || !left.contains(&typed.as_str()) {
        return Ok(false);
    }
    let after = left.iter().filter(|h| **h != typed).copied().collect::<Vec<_>>().join(",");
    Ok(store::take_recovery(&db.pool, user.id, &before, &after).await?)
}

/// An administrator removes someone's second factor (a lost phone): they set it up again.
pub async fn reset(db: &Db, actor: &audit::Actor, target: &users::User) -> Result<(), Failure> {
    let mut tx = db.begin_write().await?;
    store::clear(&mut *tx, target.id).await?;
    crate::store::passkeys::delete_all(&mut *tx, target.id).await?;
    audit::record(&mut *tx, actor, change("second-factor-reset", target)).await?;
    tx.commit().await?;
    Ok(())
}
