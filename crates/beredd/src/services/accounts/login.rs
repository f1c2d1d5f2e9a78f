//! Logging in. Before any password is hashed the attempt must pass the throttle: the address's
//! budget of attempts, and no lock on this name from this address (security review F3). The
//! hashing itself waits in a bounded queue; when that is full the user is told to try shortly.

use std::net::IpAddr;

use crate::platform::db::Db;
use crate::platform::limit::Limit;
use crate::platform::throttle::{LoginThrottle, Refusal};
use crate::services::Failure;
use crate::store::{audit, sessions, sso, users};
use beredd_domain::Role;

/// What someone typed, and where from.
pub struct Attempt<'a> {
    /// The organisation the login page was for (`services::hosting::for_login`).
    pub org: i64,
    pub username: &'a str,
    pub password: String,
    pub client: IpAddr,
}

/// Why a login was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// No such active user, or the wrong password (the two are not told apart).
    Failed,
    /// The address has used its budget of attempts.
    AddressThrottled,
    /// This name is locked from this address after failed attempts.
    Locked,
    /// Too many attempts or passwords being checked at once: try again shortly.
    Busy,
    /// The organisation logs in through its identity provider, and this account is not one of
    /// its break-glass accounts (told only after the right password).
    SsoOnly,
}

/// A new session: its secret for the cookie, and the language the user chose.
pub struct Session {
    pub token: String,
    pub lang: String,
}

pub enum Outcome {
    In(Session),
    /// The password was right; the user's second factor is asked for next.
    SecondStep {
        org: i64,
        username: String,
    },
    /// Refused, with the name as the form shows it again.
    Refused {
        username: String,
        why: Why,
    },
}

/// Verify against a real hash of nothing when the user does not exist, so timing does not tell.
pub(super) fn dummy_hash() -> String {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| crate::platform::passwords::hash("no such user, no such password").unwrap_or_default()).clone()
}

/// Checks the password of `username` (active users only); `Why::Busy` when the queue is full.
async fn check(
    db: &Db,
    hashing: &Limit,
    org: i64,
    username: &str,
    password: String,
) -> Result<Result<users::User, Why>, Failure> {
    let user = users::by_username(&db.pool, org, username).await?.filter(|u| u.active.get());
    let hash = user.as_ref().map(|u| u.password_hash.clone()).unwrap_or_else(dummy_hash);
    match super::verify_password(hashing, password, hash).await {
        Ok(true) => Ok(user.ok_or(Why::Failed)),
        Ok(false) => Ok(Err(Why::Failed)),
        Err(Failure::Busy(_)) => Ok(Err(Why::Busy)),
        Err(e) => Err(e),
    }
}

/// Whether `user` may log in with their local password: always without single sign-on; with it,
/// only a break-glass account whose role the organisation chose, or an administrator's own.
pub fn local_login_allowed(user: &users::User, provider: Option<&sso::Provider>) -> bool {
    match provider {
        None => true,
        Some(p) => user.break_glass.get() && (user.role == Role::Admin || p.break_glass_roles().contains(&user.role)),
    }
}

/// Opens a session for `user`, records the login (a break-glass login as such) and clears out
/// expired sessions.
async fn open(db: &Db, user: &users::User, break_glass: bool) -> Result<Session, Failure> {
    let (token, _csrf) = sessions::create(&db.pool, user.id).await?;
    let actor = audit::Actor { org_id: user.org_id, user_id: Some(user.id), username: user.username.clone() };
    let (action, summary) = if break_glass {
        ("break-glass-login", "break-glass account while single sign-on is configured")
    } else {
        ("login", "")
    };
    let change: audit::Change<'_, ()> =
        audit::Change { action, entity: "session", entity_id: None, summary, before: None, after: None };
    audit::record(&db.pool, &actor, change).await?;
    sessions::purge_expired(&db.pool).await?;
    Ok(Session { token, lang: user.lang.clone() })
}

pub async fn log_in(db: &Db, throttle: &LoginThrottle, hashing: &Limit, a: Attempt<'_>) -> Result<Outcome, Failure> {
    let client = a.client;
    let refused = |username: String, why: Why| Ok(Outcome::Refused { username, why });
    // A name that cannot exist is refused at once: no hashing, and nothing kept in the throttle.
    let Ok(username) = beredd_domain::text::username(a.username) else {
        return refused(a.username.chars().take(64).collect(), Why::Failed);
    };
    if a.password.len() > 1024 {
        return refused(username, Why::Failed);
    }
    let attempt = match admit(db, throttle, &throttle_key(a.org, &username), client).await? {
        Ok(attempt) => attempt,
        Err(refusal) => {
            tracing::info!(username, %client, ?refusal, "login refused before checking the password");
            let why = match refusal {
                Refusal::Address => Why::AddressThrottled,
                Refusal::Locked => Why::Locked,
                Refusal::Full => Why::Busy,
            };
            return refused(username, why);
        }
    };
    match check(db, hashing, a.org, &username, a.password).await? {
        Ok(user) => {
            let second_step = super::second_factor::is_on(db, user.id).await?;
            if second_step {
                // The attempt is given back, but the name's failures stay until the second
                // factor is right: typing the password again buys no more guesses at the code.
                attempt.not_tried(db).await?;
            } else {
                attempt.succeeded(db).await?;
            }
            let provider = sso::get(&db.pool, user.org_id).await?;
            if !local_login_allowed(&user, provider.as_ref()) {
                tracing::info!(username, %client, "local login refused: single sign-on is configured");
                return refused(username, Why::SsoOnly);
            }
            if second_step {
                return Ok(Outcome::SecondStep { org: a.org, username });
            }
            Ok(Outcome::In(open(db, &user, provider.is_some()).await?))
        }
        Err(Why::Busy) => {
            attempt.not_tried(db).await?;
            tracing::warn!(%client, "login refused: too many passwords being checked");
            refused(username, Why::Busy)
        }
        Err(why) => {
            attempt.failed(db).await?;
            tracing::info!(username, %client, "failed login");
            refused(username, why)
        }
    }
}

/// An attempt both throttles let through: this process's in memory, and the one every process
/// on the database shares (`shared_limits`).
pub(super) struct Admitted<'t> {
    memory: crate::platform::throttle::Attempt<'t>,
    shared: super::shared_limits::Shared,
}

impl Admitted<'_> {
    pub(super) async fn succeeded(self, db: &Db) -> Result<(), Failure> {
        self.memory.succeeded();
        Ok(self.shared.succeeded(db).await?)
    }
    pub(super) async fn failed(self, db: &Db) -> Result<(), Failure> {
        self.memory.failed();
        Ok(self.shared.failed(db).await?)
    }
    pub(super) async fn not_tried(self, db: &Db) -> Result<(), Failure> {
        self.memory.not_tried();
        Ok(self.shared.not_tried(db).await?)
    }
}

/// Asks this process's throttle first (it costs nothing), then the shared one; an attempt the
/// shared one refuses is given back to the first.
pub(super) async fn admit<'t>(
    db: &Db,
    throttle: &'t LoginThrottle,
    key: &str,
    client: IpAddr,
) -> Result<Result<Admitted<'t>, Refusal>, Failure> {
    let memory = match throttle.admit(key, client) {
        Ok(a) => a,
        Err(r) => return Ok(Err(r)),
    };
    match super::shared_limits::admit(db, throttle.limits(), key, client).await? {
        Ok(shared) => Ok(Ok(Admitted { memory, shared })),
        Err(r) => {
            memory.not_tried();
            Ok(Err(r))
        }
    }
}

/// What the throttle locks after failed attempts: a name in one organisation (two organisations
/// may both have an "admin").
fn throttle_key(org: i64, username: &str) -> String {
    format!("{org}/{username}")
}

/// Ends a session, and records it.
pub async fn log_out(db: &Db, actor: &audit::Actor, session: i64) -> Result<(), Failure> {
    sessions::delete(&db.pool, session).await?;
    let change: audit::Change<'_, ()> =
        audit::Change { action: "logout", entity: "session", entity_id: None, summary: "", before: None, after: None };
    audit::record(&db.pool, actor, change).await?;
    Ok(())
}

/// What proves the second step.
pub enum Proof<'a> {
    /// A code from the user's app, or an unused recovery code.
    Code(&'a str),
    /// The browser's answer for one of the user's passkeys, with its ceremony's ticket.
    Passkey { rp: &'a webauthn_rs::prelude::Webauthn, ticket: &'a str, answer: &'a str },
}

/// The second step of a local login, through the same throttle as passwords (five wrong codes
/// lock the name from that address). A passkey whose ceremony expired is told as such.
pub async fn second_step(
    db: &Db,
    throttle: &LoginThrottle,
    org: i64,
    username: &str,
    proof: Proof<'_>,
    client: IpAddr,
) -> Result<Result<Outcome, super::passkeys::Refused>, Failure> {
    let refused = |why: Why| Ok(Ok(Outcome::Refused { username: username.to_owned(), why }));
    let attempt = match admit(db, throttle, &throttle_key(org, username), client).await? {
        Ok(a) => a,
        Err(Refusal::Address) => return refused(Why::AddressThrottled),
        Err(Refusal::Locked) => return refused(Why::Locked),
        Err(Refusal::Full) => return refused(Why::Busy),
    };
    let Some(user) = users::by_username(&db.pool, org, username).await?.filter(|u| u.active.get()) else {
        attempt.failed(db).await?;
        return refused(Why::Failed);
    };
    let proved = match proof {
        Proof::Code(code) => super::second_factor::verify(db, &user, code).await?,
        Proof::Passkey { rp, ticket, answer } => match super::passkeys::verify(db, rp, &user, ticket, answer).await? {
            Ok(()) => true,
            Err(super::passkeys::Refused::Expired) => {
                attempt.not_tried(db).await?;
                return Ok(Err(super::passkeys::Refused::Expired));
            }
            Err(super::passkeys::Refused::NotVerified) => false,
        },
    };
    if !proved {
        attempt.failed(db).await?;
        tracing::info!(username, %client, "wrong second factor");
        return refused(Why::Failed);
    }
    attempt.succeeded(db).await?;
    let provider = sso::get(&db.pool, user.org_id).await?;
    if !local_login_allowed(&user, provider.as_ref()) {
        return refused(Why::SsoOnly);
    }
    Ok(Ok(Outcome::In(open(db, &user, provider.is_some()).await?)))
}
