//! A user's second factor: the TOTP secret being set up and the one in use, the last time step a
//! code was taken at, and the recovery codes (their SHA-256).

use sqlx::{Any, Executor};

use super::DbError;

#[derive(Debug, Clone, Default, sqlx::FromRow)]
pub struct SecondFactor {
    pub totp_pending: Option<String>,
    pub totp_secret: Option<String>,
    pub totp_last_step: i64,
    pub recovery_codes: Option<String>,
}

pub async fn get<'c, E: Executor<'c, Database = Any>>(e: E, user: i64) -> Result<SecondFactor, DbError> {
    Ok(sqlx::query_as("SELECT totp_pending, totp_secret, totp_last_step, recovery_codes FROM users WHERE id = $1")
        .bind(user)
        .fetch_optional(e)
        .await?
        .unwrap_or_default())
}

pub async fn set_pending<'c, E: Executor<'c, Database = Any>>(e: E, user: i64, secret: &str) -> Result<(), DbError> {
    sqlx::query("UPDATE users SET totp_pending = $1 WHERE id = $2").bind(secret).bind(user).execute(e).await?;
    Ok(())
}

/// Turns the pending secret on, with the recovery codes' hashes.
pub async fn confirm<'c, E: Executor<'c, Database = Any>>(
    e: E,
    user: i64,
    secret: &str,
    step: i64,
    recovery: &str,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE users SET totp_secret = $1, totp_pending = NULL, totp_last_step = $2, recovery_codes = $3 WHERE id = $4",
    )
    .bind(secret)
    .bind(step)
    .bind(recovery)
    .bind(user)
    .execute(e)
    .await?;
    Ok(())
}

/// Takes the time step `step` for a login: false when it (or a later one) was taken already.
pub async fn take_step<'c, E: Executor<'c, Database = Any>>(e: E, user: i64, step: i64) -> Result<bool, DbError> {
    let done = sqlx::query("UPDATE users SET totp_last_step = $1 WHERE id = $2 AND totp_last_step < $1")
        .bind(step)
        .bind(user)
        .execute(e)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Replaces the recovery codes left, if they are still `before` (a code is taken once).
pub async fn take_recovery<'c, E: Executor<'c, Database = Any>>(
    e: E,
    user: i64,
    before: &str,
    after: &str,
) -> Result<bool, DbError> {
    let done = sqlx::query("UPDATE users SET recovery_codes = $1 WHERE id = $2 AND recovery_codes = $3")
        .bind(after)
        .bind(user)
        .bind(before)
        .execute(e)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Sets the recovery codes' hashes (when a passkey is a user's first second factor).
pub async fn set_recovery<'c, E: Executor<'c, Database = Any>>(e: E, user: i64, hashes: &str) -> Result<(), DbError> {
    sqlx::query("UPDATE users SET recovery_codes = $1 WHERE id = $2").bind(hashes).bind(user).execute(e).await?;
    Ok(())
}

/// Removes the second factor (an administrator's reset).
pub async fn clear<'c, E: Executor<'c, Database = Any>>(e: E, user: i64) -> Result<(), DbError> {
    sqlx::query("UPDATE users SET totp_pending = NULL, totp_secret = NULL, totp_last_step = 0, recovery_codes = NULL WHERE id = $1")
        .bind(user)
        .execute(e)
        .await?;
    Ok(())
}
