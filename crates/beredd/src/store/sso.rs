//! Single sign-on: the organisation's identity provider, and the logins on their way through it.

use serde::Serialize;
use sqlx::{Any, Executor};

use super::DbError;

/// An organisation's identity provider as configured. The client secret is never serialised
/// (the audit trail records only that it changed).
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Provider {
    pub org_id: i64,
    pub issuer: String,
    pub client_id: String,
    #[serde(skip)]
    pub client_secret: String,
    pub public_url: String,
    pub groups_claim: String,
    pub group_roles: String,
    pub break_glass_roles: String,
    pub updated_at: crate::platform::clock::Stamp,
}

impl Provider {
    /// The address the provider sends the user back to.
    pub fn redirect_uri(&self) -> String {
        format!("{}/login/sso/callback", self.public_url.trim_end_matches('/'))
    }

    /// The roles whose break-glass accounts keep their local password.
    pub fn break_glass_roles(&self) -> Vec<beredd_domain::Role> {
        self.break_glass_roles.split(',').filter_map(|c| beredd_domain::Role::parse(c).ok()).collect()
    }
}

pub async fn get<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Option<Provider>, DbError> {
    Ok(sqlx::query_as(
        "SELECT org_id, issuer, client_id, client_secret, public_url, groups_claim, group_roles, break_glass_roles, updated_at
         FROM sso_providers WHERE org_id = $1",
    )
    .bind(org)
    .fetch_optional(e)
    .await?)
}

/// Writes the organisation's provider, replacing what was there.
pub async fn save<'c, E: Executor<'c, Database = Any>>(e: E, p: &Provider) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO sso_providers (org_id, issuer, client_id, client_secret, public_url, groups_claim, group_roles, break_glass_roles, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (org_id) DO UPDATE SET issuer = excluded.issuer, client_id = excluded.client_id,
           client_secret = excluded.client_secret, public_url = excluded.public_url, groups_claim = excluded.groups_claim,
           group_roles = excluded.group_roles, break_glass_roles = excluded.break_glass_roles, updated_at = excluded.updated_at",
    )
    .bind(p.org_id)
    .bind(&p.issuer)
    .bind(&p.client_id)
    .bind(&p.client_secret)
    .bind(&p.public_url)
    .bind(&p.groups_claim)
    .bind(&p.group_roles)
    .bind(&p.break_glass_roles)
    .bind(crate::platform::clock::stamp())
    .execute(e)
    .await?;
    Ok(())
}

pub async fn remove<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM sso_providers WHERE org_id = $1").bind(org).execute(e).await?;
    Ok(())
}

/// A login on its way through the provider.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Pending {
    pub org_id: i64,
    pub nonce: String,
    pub pkce_verifier: String,
    pub next_path: String,
    pub recheck_user: Option<i64>,
}

/// How long the user has at the provider.
pub const PENDING_SECS: i64 = 15 * 60;

pub async fn begin<'c, E: Executor<'c, Database = Any>>(e: E, state: &str, p: &Pending) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO sso_logins (state_hash, org_id, nonce, pkce_verifier, next_path, recheck_user, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(super::sessions::hash_token(state))
    .bind(p.org_id)
    .bind(&p.nonce)
    .bind(&p.pkce_verifier)
    .bind(&p.next_path)
    .bind(p.recheck_user)
    .bind(crate::platform::clock::stamp_in(PENDING_SECS))
    .execute(e)
    .await?;
    Ok(())
}

/// Takes the login with this state, once: a second use of the same state finds nothing.
pub async fn take<'c, E: Executor<'c, Database = Any>>(e: E, state: &str) -> Result<Option<Pending>, DbError> {
    Ok(sqlx::query_as(
        "DELETE FROM sso_logins WHERE state_hash = $1 AND expires_at > $2
         RETURNING org_id, nonce, pkce_verifier, next_path, recheck_user",
    )
    .bind(super::sessions::hash_token(state))
    .bind(crate::platform::clock::stamp())
    .fetch_optional(e)
    .await?)
}

pub async fn purge_expired<'c, E: Executor<'c, Database = Any>>(e: E) -> Result<(), DbError> {
    sqlx::query("DELETE FROM sso_logins WHERE expires_at <= $1")
        .bind(crate::platform::clock::stamp())
        .execute(e)
        .await?;
    Ok(())
}
