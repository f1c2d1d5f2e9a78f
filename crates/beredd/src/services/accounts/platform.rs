//! The platform administrator's accounts (hosted mode, issue 22): made on the command line
//! (`beredd platform-admin add`), logged in at `/platform/login` through the same throttle as an
//! organisation's users (the address's budget, and five failures lock the name from that
//! address, in this process and in the database every process shares). Such an account is no
//! organisation's user: its sessions are kept apart (`store::platform_admins`) and reach only the
//! platform's pages. Its logins are written to the server's log (no organisation's trail is
//! theirs); what it does to an organisation is in that organisation's trail (`hosting`).

use std::net::IpAddr;

use beredd_domain::text;

use super::login::{Why, admit, dummy_hash};
use crate::platform::db::Db;
use crate::platform::limit::Limit;
use crate::platform::throttle::{LoginThrottle, Refusal};
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
            attempt.succeeded(db).await?;
            let id = admin.map(|a| a.id).unwrap_or_default();
            let token = platform_admins::open(&db.pool, id).await?;
            platform_admins::purge_expired(&db.pool).await?;
            tracing::warn!(username, %client, "platform administrator logged in");
            Ok(Outcome::In { token })
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

/// Ends a platform session.
pub async fn log_out(db: &Db, session_id: i64, username: &str) -> Result<(), Failure> {
    platform_admins::close(&db.pool, session_id).await?;
    tracing::info!(username, "platform administrator logged out");
    Ok(())
}
