//! Passkeys and security keys (WebAuthn credentials) of users, and the ceremonies under way.

use sqlx::{Any, Executor};

use super::DbError;

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Passkey {
    pub id: i64,
    pub user_id: i64,
    pub name: String,
    /// The credential as the WebAuthn library keeps it (JSON).
    pub credential: String,
    pub created_at: crate::platform::clock::Stamp,
    pub last_used_at: Option<crate::platform::clock::Stamp>,
}

const COLS: &str = "id, user_id, name, credential, created_at, last_used_at";

pub async fn of_user<'c, E: Executor<'c, Database = Any>>(e: E, user: i64) -> Result<Vec<Passkey>, DbError> {
    let sql = format!("SELECT {COLS} FROM passkeys WHERE user_id = $1 ORDER BY id");
    Ok(sqlx::query_as(sqlx::AssertSqlSafe(sql)).bind(user).fetch_all(e).await?)
}

pub async fn count<'c, E: Executor<'c, Database = Any>>(e: E, user: i64) -> Result<i64, DbError> {
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM passkeys WHERE user_id = $1").bind(user).fetch_one(e).await?;
    Ok(n)
}

pub async fn insert<'c, E: Executor<'c, Database = Any>>(
    e: E,
    user: i64,
    name: &str,
    credential_id: &str,
    credential: &str,
) -> Result<i64, DbError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO passkeys (user_id, name, credential_id, credential, created_at) VALUES ($1, $2, $3, $4, $5)
         RETURNING id",
    )
    .bind(user)
    .bind(name)
    .bind(credential_id)
    .bind(credential)
    .bind(crate::platform::clock::stamp())
    .fetch_one(e)
    .await?;
    Ok(id)
}

/// Keeps a credential after a login (its counter and backup flags may change), and its last use.
pub async fn used<'c, E: Executor<'c, Database = Any>>(e: E, id: i64, credential: &str) -> Result<(), DbError> {
    sqlx::query("UPDATE passkeys SET credential = $1, last_used_at = $2 WHERE id = $3")
        .bind(credential)
        .bind(crate::platform::clock::stamp())
        .bind(id)
        .execute(e)
        .await?;
    Ok(())
}

/// Removes one of `user`'s keys; false when it was not theirs.
pub async fn delete<'c, E: Executor<'c, Database = Any>>(e: E, user: i64, id: i64) -> Result<bool, DbError> {
    let done =
        sqlx::query("DELETE FROM passkeys WHERE user_id = $1 AND id = $2").bind(user).bind(id).execute(e).await?;
    Ok(done.rows_affected() == 1)
}

/// Removes all of `user`'s keys (an administrator's reset).
pub async fn delete_all<'c, E: Executor<'c, Database = Any>>(e: E, user: i64) -> Result<u64, DbError> {
    Ok(sqlx::query("DELETE FROM passkeys WHERE user_id = $1").bind(user).execute(e).await?.rows_affected())
}

/// A ceremony under way, as kept.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Challenge {
    pub user_id: i64,
    pub purpose: String,
    pub name: String,
    pub state: String,
}

pub async fn begin<'c, E: Executor<'c, Database = Any>>(
    e: E,
    ticket_hash: &str,
    c: &Challenge,
    expires_at: &str,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO webauthn_challenges (ticket_hash, user_id, purpose, name, state, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(ticket_hash)
    .bind(c.user_id)
    .bind(&c.purpose)
    .bind(&c.name)
    .bind(&c.state)
    .bind(expires_at)
    .execute(e)
    .await?;
    Ok(())
}

/// Takes a ceremony (once), if it has not expired; clears out expired ones.
pub async fn take<'c, E: Executor<'c, Database = Any>>(e: E, ticket_hash: &str) -> Result<Option<Challenge>, DbError> {
    Ok(sqlx::query_as(
        "DELETE FROM webauthn_challenges WHERE ticket_hash = $1 AND expires_at > $2
         RETURNING user_id, purpose, name, state",
    )
    .bind(ticket_hash)
    .bind(crate::platform::clock::stamp())
    .fetch_optional(e)
    .await?)
}

pub async fn purge_expired<'c, E: Executor<'c, Database = Any>>(e: E) -> Result<(), DbError> {
    sqlx::query("DELETE FROM webauthn_challenges WHERE expires_at <= $1")
        .bind(crate::platform::clock::stamp())
        .execute(e)
        .await?;
    Ok(())
}
