//! The platform administrator's accounts and sessions (migration 51): no organisation's users,
//! and sessions kept apart from theirs. As with users' sessions the database holds only the
//! SHA-256 of a session's token.

use sqlx::{Any, Executor};

use super::DbError;
use super::sessions::{IDLE_SECS, LIFETIME_SECS, hash_token, random_token};

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Admin {
    pub id: i64,
    pub username: String,
    pub password_hash: String,
    #[sqlx(try_from = "i64")]
    pub active: super::Flag,
    pub created_at: crate::platform::clock::Stamp,
}

/// A valid platform session: whose, and the token its forms must carry.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Session {
    pub session_id: i64,
    pub admin_id: i64,
    pub username: String,
    pub csrf_token: String,
    pub last_seen_at: crate::platform::clock::Stamp,
}

pub async fn create<'c, E: Executor<'c, Database = Any>>(
    e: E,
    username: &str,
    password_hash: &str,
) -> Result<i64, DbError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO platform_admins (username, password_hash, active, created_at) VALUES ($1, $2, 1, $3) RETURNING id",
    )
    .bind(username)
    .bind(password_hash)
    .bind(crate::platform::clock::stamp())
    .fetch_one(e)
    .await?;
    Ok(id)
}

pub async fn by_username<'c, E: Executor<'c, Database = Any>>(e: E, username: &str) -> Result<Option<Admin>, DbError> {
    Ok(sqlx::query_as(
        "SELECT id, username, password_hash, active, created_at FROM platform_admins WHERE username = $1",
    )
    .bind(username)
    .fetch_optional(e)
    .await?)
}

pub async fn list<'c, E: Executor<'c, Database = Any>>(e: E) -> Result<Vec<Admin>, DbError> {
    Ok(sqlx::query_as("SELECT id, username, password_hash, active, created_at FROM platform_admins ORDER BY username")
        .fetch_all(e)
        .await?)
}

/// Turns an account off (or on again); turning it off ends its sessions.
pub async fn set_active(conn: &mut sqlx::AnyConnection, id: i64, active: bool) -> Result<(), DbError> {
    sqlx::query("UPDATE platform_admins SET active = $1 WHERE id = $2")
        .bind(i64::from(active))
        .bind(id)
        .execute(&mut *conn)
        .await?;
    if !active {
        sqlx::query("DELETE FROM platform_sessions WHERE admin_id = $1").bind(id).execute(&mut *conn).await?;
    }
    Ok(())
}

/// Sets a new password hash and ends the account's sessions.
pub async fn set_password(conn: &mut sqlx::AnyConnection, id: i64, hash: &str) -> Result<(), DbError> {
    sqlx::query("UPDATE platform_admins SET password_hash = $1 WHERE id = $2")
        .bind(hash)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM platform_sessions WHERE admin_id = $1").bind(id).execute(&mut *conn).await?;
    Ok(())
}

/// Opens a session; returns its token for the cookie.
pub async fn open<'c, E: Executor<'c, Database = Any>>(e: E, admin_id: i64) -> Result<String, DbError> {
    let token = random_token();
    sqlx::query(
        "INSERT INTO platform_sessions (token_hash, admin_id, csrf_token, created_at, expires_at, last_seen_at)
         VALUES ($1, $2, $3, $4, $5, $4)",
    )
    .bind(hash_token(&token))
    .bind(admin_id)
    .bind(random_token())
    .bind(crate::platform::clock::stamp())
    .bind(crate::platform::clock::stamp_in(LIFETIME_SECS))
    .execute(e)
    .await?;
    Ok(token)
}

/// The valid session of an active account with this token, if there is one.
pub async fn lookup<'c, E: Executor<'c, Database = Any>>(e: E, token: &str) -> Result<Option<Session>, DbError> {
    Ok(sqlx::query_as(
        "SELECT s.id AS session_id, a.id AS admin_id, a.username, s.csrf_token, s.last_seen_at
         FROM platform_sessions s JOIN platform_admins a ON a.id = s.admin_id
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3 AND a.active = 1",
    )
    .bind(hash_token(token))
    .bind(crate::platform::clock::stamp())
    .bind(crate::platform::clock::stamp_in(-IDLE_SECS))
    .fetch_optional(e)
    .await?)
}

/// Records that a session was used now (at most once a minute, as users' sessions).
pub async fn touch<'c, E: Executor<'c, Database = Any>>(e: E, s: &Session) -> Result<(), DbError> {
    if s.last_seen_at.seconds_since() < 60 {
        return Ok(());
    }
    sqlx::query("UPDATE platform_sessions SET last_seen_at = $1 WHERE id = $2")
        .bind(crate::platform::clock::stamp())
        .bind(s.session_id)
        .execute(e)
        .await?;
    Ok(())
}

pub async fn close<'c, E: Executor<'c, Database = Any>>(e: E, session_id: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM platform_sessions WHERE id = $1").bind(session_id).execute(e).await?;
    Ok(())
}

pub async fn purge_expired<'c, E: Executor<'c, Database = Any>>(e: E) -> Result<(), DbError> {
    sqlx::query("DELETE FROM platform_sessions WHERE expires_at <= $1")
        .bind(crate::platform::clock::stamp())
        .execute(e)
        .await?;
    Ok(())
}

/// An account's second factor (migration 53): the secret being set up, the one in use, and the
/// last time step a code was taken at.
#[derive(Debug, Clone, Default, sqlx::FromRow)]
pub struct Totp {
    pub totp_pending: Option<String>,
    pub totp_secret: Option<String>,
    pub totp_last_step: i64,
}

pub async fn totp<'c, E: Executor<'c, Database = Any>>(e: E, id: i64) -> Result<Totp, DbError> {
    Ok(sqlx::query_as("SELECT totp_pending, totp_secret, totp_last_step FROM platform_admins WHERE id = $1")
        .bind(id)
        .fetch_optional(e)
        .await?
        .unwrap_or_default())
}

pub async fn set_totp_pending<'c, E: Executor<'c, Database = Any>>(e: E, id: i64, secret: &str) -> Result<(), DbError> {
    sqlx::query("UPDATE platform_admins SET totp_pending = $1 WHERE id = $2").bind(secret).bind(id).execute(e).await?;
    Ok(())
}

/// Turns the pending secret on, with the step its first code was taken at; false when the
/// secret is no longer the one being set up.
pub async fn confirm_totp<'c, E: Executor<'c, Database = Any>>(
    e: E,
    id: i64,
    secret: &str,
    step: i64,
) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE platform_admins SET totp_secret = $1, totp_pending = NULL, totp_last_step = $2
         WHERE id = $3 AND totp_pending = $1 AND totp_secret IS NULL",
    )
    .bind(secret)
    .bind(step)
    .bind(id)
    .execute(e)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Takes the time step `step` for a login: false when it (or a later one) was taken already.
pub async fn take_totp_step<'c, E: Executor<'c, Database = Any>>(e: E, id: i64, step: i64) -> Result<bool, DbError> {
    let done = sqlx::query("UPDATE platform_admins SET totp_last_step = $1 WHERE id = $2 AND totp_last_step < $1")
        .bind(step)
        .bind(id)
        .execute(e)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Removes the second factor and ends the account's sessions (the operator's reset).
pub async fn clear_totp(conn: &mut sqlx::AnyConnection, id: i64) -> Result<(), DbError> {
    sqlx::query("UPDATE platform_admins SET totp_pending = NULL, totp_secret = NULL, totp_last_step = 0 WHERE id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM platform_sessions WHERE admin_id = $1").bind(id).execute(&mut *conn).await?;
    Ok(())
}
