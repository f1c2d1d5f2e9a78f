//! The login limits every process serving the database shares (migration 50): failed attempts
//! per name and address, and each address's attempts per minute. Times are seconds since 1970
//! on the application's clock. See `services::accounts::shared_limits` for how they are used.

use sqlx::{Any, Executor};

use super::DbError;

/// The failures of `name_key` from `origin` that still count (their first within `window`
/// seconds of `now`); 0 when none.
pub async fn failures<'c, E: Executor<'c, Database = Any>>(
    e: E,
    name_key: &str,
    origin: &str,
    now: i64,
    window: i64,
) -> Result<i64, DbError> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT failures FROM login_failures WHERE name_key = $1 AND origin = $2 AND first_at > $3")
            .bind(name_key)
            .bind(origin)
            .bind(now - window)
            .fetch_optional(e)
            .await?;
    Ok(row.map_or(0, |(n,)| n))
}

/// One more failure of `name_key` from `origin`: counting starts again when the first has left
/// the window. Gives the count now.
pub async fn add_failure<'c, E: Executor<'c, Database = Any>>(
    e: E,
    name_key: &str,
    origin: &str,
    now: i64,
    window: i64,
) -> Result<i64, DbError> {
    let (n,): (i64,) = sqlx::query_as(
        "INSERT INTO login_failures (name_key, origin, failures, first_at) VALUES ($1, $2, 1, $3)
         ON CONFLICT (name_key, origin) DO UPDATE SET
           failures = CASE WHEN login_failures.first_at <= $4 THEN 1 ELSE login_failures.failures + 1 END,
           first_at = CASE WHEN login_failures.first_at <= $4 THEN $3 ELSE login_failures.first_at END
         RETURNING failures",
    )
    .bind(name_key)
    .bind(origin)
    .bind(now)
    .bind(now - window)
    .fetch_one(e)
    .await?;
    Ok(n)
}

/// The name logged in rightly from `origin`: its failures from there end.
pub async fn clear_failures<'c, E: Executor<'c, Database = Any>>(
    e: E,
    name_key: &str,
    origin: &str,
) -> Result<(), DbError> {
    sqlx::query("DELETE FROM login_failures WHERE name_key = $1 AND origin = $2")
        .bind(name_key)
        .bind(origin)
        .execute(e)
        .await?;
    Ok(())
}

/// One more attempt from `origin` in `minute`; gives the minute's count with it.
pub async fn spend<'c, E: Executor<'c, Database = Any>>(e: E, origin: &str, minute: i64) -> Result<i64, DbError> {
    let (n,): (i64,) = sqlx::query_as(
        "INSERT INTO login_budget (origin, minute, attempts) VALUES ($1, $2, 1)
         ON CONFLICT (origin, minute) DO UPDATE SET attempts = login_budget.attempts + 1
         RETURNING attempts",
    )
    .bind(origin)
    .bind(minute)
    .fetch_one(e)
    .await?;
    Ok(n)
}

/// Gives an attempt of `minute` back (a right password, or one that was not checked).
pub async fn give_back<'c, E: Executor<'c, Database = Any>>(e: E, origin: &str, minute: i64) -> Result<(), DbError> {
    sqlx::query("UPDATE login_budget SET attempts = attempts - 1 WHERE origin = $1 AND minute = $2 AND attempts > 0")
        .bind(origin)
        .bind(minute)
        .execute(e)
        .await?;
    Ok(())
}

/// Deletes what no longer counts: failures whose first is older than `window` seconds, and the
/// minutes before the previous one.
pub async fn prune<'c, E: Executor<'c, Database = Any> + Copy>(e: E, now: i64, window: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM login_failures WHERE first_at <= $1").bind(now - window).execute(e).await?;
    sqlx::query("DELETE FROM login_budget WHERE minute < $1").bind(now / 60 - 1).execute(e).await?;
    Ok(())
}
