//! The platform administrator's accounts (hosted mode, issue 22): made on the command line
//! (`beredd platform-admin add`), logged in at `/platform/login` through the same throttle as an
//! organisation's users (the address's budget, and five failures lock the name from that
//! address, in this process and in the database every process shares). Such an account is no
//! organisation's user: its sessions are kept apart (`store::platform_admins`) and reach only the
//! platform's pages. Its logins are written to the server's log (no organisation's trail is
//! theirs); what it does to an organisation is in that organisation's trail (`hosting`).
//!
//! Its second factor (migration 53) is a code from an authenticator app (`platform::totp`), set
//! up on `/platform/second-factor` and then asked for after the password, through the same
//! throttle; each code is taken once. `beredd platform-admin reset-second-factor` removes it.
//! Turning it on and removing it are written to the server's log; the secret and codes never are.

use std::net::IpAddr;

use beredd_domain::text;

use super::login::{Why, admit, dummy_hash};
use crate::platform::db::Db;
use crate::platform::limit::Limit;
use crate::platform::throttle::{LoginThrottle, Refusal};
use crate::platform::totp;
use crate::services::{Failure, Invalid};
use crate::store::platform_admins;

/// What someone typed on the platform's login page, and where from.
pub struct Attempt<'a> {
    pub username: &'a str,
    pub password: String,
    pub client: IpAddr,
}

pub enum Outcome {
    /// Logged in: the session's token for the cookie.
    In {
        token: String,
    },
    /// The password was right and the account has a second factor: a code is asked for next.
    SecondStep {
        username: String,
    },
    Refused {
        username: String,
        why: Why,
    },
}

/// The throttle's key: apart from every organisation's names (those start with its number).
fn throttle_key(username: &str) -> String {
    format!("platform/{username}")
}

/// Adds an account with an Argon2id hash of `password` (at least ten characters).
pub async fn add(db: &Db, username: &str, password: &str) -> Result<i64, Failure> {
    let username = text::username(username).map_err(|e| Failure::Invalid(Invalid::default().with("username", e)))?;
    text::new_password(password).map_err(|e| Failure::Invalid(Invalid::default().with("password", e)))?;
    if platform_admins::by_username(&db.pool, &username).await?.is_some() {
        return Err(Failure::Invalid(Invalid::default().with("username", text::FieldError::Duplicate)));
    }
    let hash = crate::platform::passwords::hash(password).map_err(|e| Failure::Internal(e.to_string()))?;
    let id = platform_admins::create(&db.pool, &username, &hash).await?;
    tracing::warn!(username, "platform administrator account added");
    Ok(id)
}

/// Logs in: the throttle first, then the password in the server's bounded queue.
pub async fn log_in(db: &Db, throttle: &LoginThrottle, hashing: &Limit, a: Attempt<'_>) -> Result<Outcome, Failure> {
    let client = a.client;
    let refused = |username: String, why: Why| Ok(Outcome::Refused { username, why });
    let Ok(username) = text::username(a.username) else {
        return refused(a.username.chars().take(64).collect(), Why::Failed);
    };
    if a.password.len() > 1024 {
        return refused(username, Why::Failed);
    }
    let attempt = match admit(db, throttle, &throttle_key(&username), client).await? {
        Ok(attempt) => attempt,
        Err(refusal) => {
            tracing::info!(username, %client, ?refusal, "platform login refused before checking the password");
            let why = match refusal {
                Refusal::Address => Why::AddressThrottled,
                Refusal::Locked => Why::Locked,
                Refusal::Full => Why::Busy,
            };
            return refused(username, why);
        }
    };
    let admin = platform_admins::by_username(&db.pool, &username).await?.filter(|a| a.active.get());
    let hash = admin.as_ref().map(|a| a.password_hash.clone()).unwrap_or_else(dummy_hash);
    match super::verify_password(hashing, a.password, hash).await {
        Ok(true) if admin.is_some() => {
            let id = admin.map(|a| a.id).unwrap_or_default();
            if platform_admins::totp(&db.pool, id).await?.totp_secret.is_some() {
                // The attempt is given back, but the name's failures stay until a right code:
                // typing the password again does not buy more guesses at the code.
                attempt.not_tried(db).await?;
                return Ok(Outcome::SecondStep { username });
            }
            attempt.succeeded(db).await?;
            Ok(Outcome::In { token: open(db, id, &username, client).await? })
        }
        Err(Failure::Busy(_)) => {
            attempt.not_tried(db).await?;
            refused(username, Why::Busy)
        }
        Err(e) => Err(e),
        Ok(_) => {
            attempt.failed(db).await?;
            tracing::info!(username, %client, "failed platform login");
            refused(username, Why::Failed)
        }
    }
}

/// Opens a session, and writes the login to the server's log.
async fn open(db: &Db, id: i64, username: &str, client: IpAddr) -> Result<String, Failure> {
    let token = platform_admins::open(&db.pool, id).await?;
    platform_admins::purge_expired(&db.pool).await?;
    tracing::warn!(username, %client, "platform administrator logged in");
    Ok(token)
}

/// The second step of the platform's login: a code from the app, through the same throttle as
/// the password (five wrong codes lock the name from that address). A code is taken once.
pub async fn second_step(
    db: &Db,
    throttle: &LoginThrottle,
    username: &str,
    code: &str,
    client: IpAddr,
) -> Result<Outcome, Failure> {
    let refused = |why: Why| Ok(Outcome::Refused { username: username.to_owned(), why });
    let attempt = match admit(db, throttle, &throttle_key(username), client).await? {
        Ok(a) => a,
        Err(Refusal::Address) => return refused(Why::AddressThrottled),
        Err(Refusal::Locked) => return refused(Why::Locked),
        Err(Refusal::Full) => return refused(Why::Busy),
    };
    let Some(admin) = platform_admins::by_username(&db.pool, username).await?.filter(|a| a.active.get()) else {
        attempt.failed(db).await?;
        return refused(Why::Failed);
    };
    let f = platform_admins::totp(&db.pool, admin.id).await?;
    let step = f.totp_secret.as_deref().and_then(|secret| totp::check(secret, code, f.totp_last_step));
    let taken = match step {
        Some(step) => platform_admins::take_totp_step(&db.pool, admin.id, step).await?,
        None => false,
    };
    if !taken {
        attempt.failed(db).await?;
        tracing::info!(username, %client, "wrong second factor at the platform's login");
        return refused(Why::Failed);
    }
    attempt.succeeded(db).await?;
    Ok(Outcome::In { token: open(db, admin.id, username, client).await? })
}

/// Whether the account has its second factor turned on.
pub async fn second_factor_on(db: &Db, admin_id: i64) -> Result<bool, Failure> {
    Ok(platform_admins::totp(&db.pool, admin_id).await?.totp_secret.is_some())
}

/// The secret to set up (kept until a code confirms it): the one being set up if there is one.
pub async fn begin_second_factor(db: &Db, admin_id: i64) -> Result<String, Failure> {
    if let Some(p) = platform_admins::totp(&db.pool, admin_id).await?.totp_pending {
        return Ok(p);
    }
    let secret = totp::new_secret();
    platform_admins::set_totp_pending(&db.pool, admin_id, &secret).await?;
    Ok(secret)
}

/// Turns the second factor on when `code` matches the secret being set up (the code is taken).
pub async fn confirm_second_factor(db: &Db, admin_id: i64, username: &str, code: &str) -> Result<(), Failure> {
    let f = platform_admins::totp(&db.pool, admin_id).await?;
    let Some(secret) = f.totp_pending.filter(|_| f.totp_secret.is_none()) else {
        return Err(Invalid::default().with("code", text::FieldError::Missing).into());
    };
    let Some(step) = totp::check(&secret, code, 0) else {
        return Err(Invalid::default().with("code", text::FieldError::WrongPassword).into());
    };
    if !platform_admins::confirm_totp(&db.pool, admin_id, &secret, step).await? {
        return Err(Invalid::default().with("code", text::FieldError::Missing).into());
    }
    tracing::warn!(username, "platform administrator turned a second factor on");
    Ok(())
}

/// Removes an account's second factor and ends its sessions (the operator's reset, for a lost
/// phone); the account sets it up again after its next login. False when it had none.
pub async fn reset_second_factor(db: &Db, admin: &platform_admins::Admin) -> Result<bool, Failure> {
    let f = platform_admins::totp(&db.pool, admin.id).await?;
    let mut tx = db.begin_write().await?;
    platform_admins::clear_totp(&mut tx, admin.id).await?;
    tx.commit().await?;
    let had = f.totp_secret.is_some();
    tracing::warn!(
        username = admin.username,
        had,
        "platform administrator's second factor removed from the command line"
    );
    Ok(had)
}

/// Ends a platform session.
pub async fn log_out(db: &Db, session_id: i64, username: &str) -> Result<(), Failure> {
    platform_admins::close(&db.pool, session_id).await?;
    tracing::info!(username, "platform administrator logged out");
    Ok(())
}
