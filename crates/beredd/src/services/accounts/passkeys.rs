//! Passkeys and security keys (WebAuthn) as a second factor, through `webauthn-rs` (kanidm's
//! maintained library; its cryptography is RustCrypto). A user adds keys on their account page
//! and names them; the login then offers them after the password, beside the authenticator app's
//! code and the recovery codes. User verification (the key's PIN or fingerprint) is required.
//! Each ceremony's state stays on the server under a ticket the browser carries, used once within
//! five minutes. Adding and removing keys is audited; an administrator's reset removes them too.

use base64::Engine;
use beredd_domain::FieldError;
use webauthn_rs::prelude::{
    Passkey, PasskeyAuthentication, PasskeyRegistration, PublicKeyCredential, RegisterPublicKeyCredential, Url, Uuid,
    Webauthn, WebauthnBuilder,
};

use crate::platform::db::Db;
use crate::services::{Failure, Invalid};
use crate::store::{audit, passkeys as store, second_factor as factor_store, sessions, users};

/// How long a ceremony may take, in seconds.
pub const TICKET_SECS: i64 = 300;

/// Why a passkey was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// No such ceremony, another user's, or more than five minutes old.
    Expired,
    /// The browser's answer did not verify (another key, another site, a changed answer).
    NotVerified,
}

impl Refused {
    /// The message id of the refusal.
    pub fn message(self) -> &'static str {
        match self {
            Refused::Expired => "passkey-expired",
            Refused::NotVerified => "passkey-not-verified",
        }
    }
}

/// The relying party for Beredd at `origin` (`https://beredd.kommun.se`): its id is the origin's
/// host name. None when the origin has no name (an IP address), where browsers offer no passkeys.
pub fn relying_party(origin: &Url) -> Option<Webauthn> {
    let host = origin.domain()?;
    WebauthnBuilder::new(host, origin).ok()?.rp_name("Beredd").build().ok()
}

/// The user handle a key stores: derived from the account, naming nothing about the person.
fn handle(user: &users::User) -> Uuid {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(format!("beredd-user:{}:{}", user.org_id, user.id).as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    Uuid::from_bytes(bytes)
}

fn stored(p: &store::Passkey) -> Result<Passkey, Failure> {
    serde_json::from_str(&p.credential).map_err(|e| Failure::Internal(format!("passkey {}: {e}", p.id)))
}

fn audit_change<'a>(action: &'a str, user: &'a users::User, summary: &'a str) -> audit::Change<'a, ()> {
    audit::Change { action, entity: "second-factor", entity_id: Some(user.id), summary, before: None, after: None }
}

/// `user`'s keys, oldest first.
pub async fn list(db: &Db, user: i64) -> Result<Vec<store::Passkey>, Failure> {
    Ok(store::of_user(&db.pool, user).await?)
}

/// Whether `user` has any key.
pub async fn any(db: &Db, user: i64) -> Result<bool, Failure> {
    Ok(store::count(&db.pool, user).await? > 0)
}

async fn keep(db: &Db, user: i64, purpose: &str, name: &str, state: String) -> Result<String, Failure> {
    store::purge_expired(&db.pool).await?;
    let ticket = sessions::random_token();
    let challenge = store::Challenge { user_id: user, purpose: purpose.to_owned(), name: name.to_owned(), state };
    store::begin(&db.pool, &sessions::hash_token(&ticket), &challenge, &crate::platform::clock::stamp_in(TICKET_SECS))
        .await?;
    Ok(ticket)
}

/// The ceremony `ticket` names, if it is `user`'s, for `purpose`, and not expired.
async fn taken(db: &Db, ticket: &str, user: i64, purpose: &str) -> Result<Option<store::Challenge>, Failure> {
    let c = store::take(&db.pool, &sessions::hash_token(ticket.trim())).await?;
    Ok(c.filter(|c| c.user_id == user && c.purpose == purpose))
}

/// Begins adding a key named `name`: the ticket, and the options the browser is given.
pub async fn begin_adding(
    db: &Db,
    rp: &Webauthn,
    user: &users::User,
    name: &str,
) -> Result<(String, serde_json::Value), Failure> {
    let name = match beredd_domain::text::optional_line(name, 60) {
        Ok(Some(n)) => n,
        Ok(None) => return Err(Invalid::default().with("name", FieldError::Required).into()),
        Err(e) => return Err(Invalid::default().with("name", e).into()),
    };
    let existing = list(db, user.id).await?;
    let exclude = existing.iter().map(stored).map(|p| p.map(|p| p.cred_id().clone())).collect::<Result<Vec<_>, _>>()?;
    let (options, state) = rp
        .start_passkey_registration(handle(user), &user.username, &user.display_name, Some(exclude))
        .map_err(|e| Failure::Internal(format!("webauthn: {e}")))?;
    let state = serde_json::to_string(&state).map_err(|e| Failure::Internal(e.to_string()))?;
    let ticket = keep(db, user.id, "register", &name, state).await?;
    let options = serde_json::to_value(&options).map_err(|e| Failure::Internal(e.to_string()))?;
    Ok((ticket, options))
}

/// New recovery codes, shown once, when `user` has none yet; their hashes are stored in `tx`.
pub(super) async fn recovery_if_none(tx: &mut sqlx::AnyConnection, user: i64) -> Result<Vec<String>, Failure> {
    if factor_store::get(&mut *tx, user).await?.recovery_codes.is_some() {
        return Ok(Vec::new());
    }
    let codes = super::second_factor::new_recovery_codes();
    factor_store::set_recovery(&mut *tx, user, &super::second_factor::hashes(&codes)).await?;
    Ok(codes)
}

/// Adds the key the browser made: the recovery codes when it is the user's first second factor.
pub async fn finish_adding(
    db: &Db,
    rp: &Webauthn,
    actor: &audit::Actor,
    user: &users::User,
    ticket: &str,
    answer: &str,
) -> Result<Result<Vec<String>, Refused>, Failure> {
    let Some(c) = taken(db, ticket, user.id, "register").await? else { return Ok(Err(Refused::Expired)) };
    let Ok(answer) = serde_json::from_str::<RegisterPublicKeyCredential>(answer) else {
        return Ok(Err(Refused::NotVerified));
    };
    let state: PasskeyRegistration = serde_json::from_str(&c.state).map_err(|e| Failure::Internal(e.to_string()))?;
    let key = match rp.finish_passkey_registration(&answer, &state) {
        Ok(k) => k,
        Err(e) => {
            tracing::info!(user = user.username, error = %e, "a passkey was not added");
            return Ok(Err(Refused::NotVerified));
        }
    };
    let id = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(key.cred_id());
    let json = serde_json::to_string(&key).map_err(|e| Failure::Internal(e.to_string()))?;
    let mut tx = db.begin_write().await?;
    store::insert(&mut *tx, user.id, &c.name, &id, &json).await?;
    let codes = recovery_if_none(&mut tx, user.id).await?;
    audit::record(&mut *tx, actor, audit_change("passkey-add", user, &c.name)).await?;
    tx.commit().await?;
    Ok(Ok(codes))
}

/// Removes one of the user's own keys.
pub async fn remove(db: &Db, actor: &audit::Actor, user: &users::User, id: i64) -> Result<bool, Failure> {
    let Some(key) = list(db, user.id).await?.into_iter().find(|k| k.id == id) else { return Ok(false) };
    let mut tx = db.begin_write().await?;
    let gone = store::delete(&mut *tx, user.id, id).await?;
    // With no second factor left, the recovery codes go too: a new one gives new codes.
    let f = factor_store::get(&mut *tx, user.id).await?;
    if f.totp_secret.is_none() && store::count(&mut *tx, user.id).await? == 0 {
        factor_store::clear(&mut *tx, user.id).await?;
    }
    audit::record(&mut *tx, actor, audit_change("passkey-remove", user, &key.name)).await?;
    tx.commit().await?;
    Ok(gone)
}

/// Begins a login's second step with a key: the ticket and the browser's options; None when the
/// user has no key.
pub async fn begin_login(
    db: &Db,
    rp: &Webauthn,
    user: &users::User,
) -> Result<Option<(String, serde_json::Value)>, Failure> {
    let keys = list(db, user.id).await?.iter().map(stored).collect::<Result<Vec<_>, _>>()?;
    if keys.is_empty() {
        return Ok(None);
    }
    let (options, state) =
        rp.start_passkey_authentication(&keys).map_err(|e| Failure::Internal(format!("webauthn: {e}")))?;
    let state = serde_json::to_string(&state).map_err(|e| Failure::Internal(e.to_string()))?;
    let ticket = keep(db, user.id, "login", "", state).await?;
    let options = serde_json::to_value(&options).map_err(|e| Failure::Internal(e.to_string()))?;
    Ok(Some((ticket, options)))
}

/// Whether the browser's answer proves `user` holds one of their keys; the key's counter is kept.
pub async fn verify(
    db: &Db,
    rp: &Webauthn,
    user: &users::User,
    ticket: &str,
    answer: &str,
) -> Result<Result<(), Refused>, Failure> {
    let Some(c) = taken(db, ticket, user.id, "login").await? else { return Ok(Err(Refused::Expired)) };
    let Ok(answer) = serde_json::from_str::<PublicKeyCredential>(answer) else { return Ok(Err(Refused::NotVerified)) };
    let state: PasskeyAuthentication = serde_json::from_str(&c.state).map_err(|e| Failure::Internal(e.to_string()))?;
    let result = match rp.finish_passkey_authentication(&answer, &state) {
        Ok(r) => r,
        Err(e) => {
            tracing::info!(user = user.username, error = %e, "a passkey did not verify");
            return Ok(Err(Refused::NotVerified));
        }
    };
    for row in list(db, user.id).await? {
        let mut key = stored(&row)?;
        if key.cred_id() == result.cred_id() {
            key.update_credential(&result);
            let json = serde_json::to_string(&key).map_err(|e| Failure::Internal(e.to_string()))?;
            store::used(&db.pool, row.id, &json).await?;
            return Ok(Ok(()));
        }
    }
    Ok(Err(Refused::NotVerified))
}
