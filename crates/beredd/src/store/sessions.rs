//! Login sessions. The cookie holds a random token; the database holds only its SHA-256, so a
//! copy of the database does not let anyone in.

use sqlx::{Any, Executor};

use super::DbError;

/// Sessions last twelve hours: a working shift, with margin.
pub const LIFETIME_SECS: i64 = 12 * 3600;

/// A session unused for longer than this is no longer valid: a crisis-room PC left logged in
/// does not stay open to the next person. The organisation may choose its own limit later.
pub const IDLE_SECS: i64 = 8 * 3600;

/// What a valid session says about its user.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SessionUser {
    pub session_id: i64,
    pub user_id: i64,
    pub org_id: i64,
    pub username: String,
    pub display_name: String,
    #[sqlx(try_from = "super::Code<beredd_domain::Role>")]
    pub role: beredd_domain::Role,
    pub lang: String,
    pub csrf_token: String,
    /// When the identity provider last confirmed a single sign-on session; none for a local login.
    pub sso_checked_at: Option<crate::platform::clock::Stamp>,
    /// A local account without a second factor in an organisation that requires one.
    #[sqlx(try_from = "i64")]
    pub needs_second_factor: super::Flag,
    /// When the session was last recorded as used.
    pub last_seen_at: crate::platform::clock::Stamp,
}

pub fn hash_token(token: &str) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A random URL-safe token of 32 bytes.
pub fn random_token() -> String {
    use base64::Engine;
    let bytes: [u8; 32] = rand::random();
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Creates a session and returns (cookie token, CSRF token).
pub async fn create<'c, E: Executor<'c, Database = Any>>(e: E, user_id: i64) -> Result<(String, String), DbError> {
    let token = random_token();
    let csrf = random_token();
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at, last_seen_at)
         VALUES ($1, $2, $3, $4, $5, $4)",
    )
    .bind(hash_token(&token))
    .bind(user_id)
    .bind(&csrf)
    .bind(crate::platform::clock::stamp())
    .bind(crate::platform::clock::stamp_in(LIFETIME_SECS))
    .execute(e)
    .await?;
    Ok((token, csrf))
}

/// Marks a session as one the identity provider confirmed now (single sign-on).
pub async fn confirmed_by_provider<'c, E: Executor<'c, Database = Any>>(e: E, token: &str) -> Result<(), DbError> {
    sqlx::query("UPDATE sessions SET sso_checked_at = $1 WHERE token_hash = $2")
        .bind(crate::platform::clock::stamp())
        .bind(hash_token(token))
        .execute(e)
        .await?;
    Ok(())
}

pub async fn lookup<'c, E: Executor<'c, Database = Any>>(e: E, token: &str) -> Result<Option<SessionUser>, DbError> {
    Ok(sqlx::query_as(
        "SELECT s.id AS session_id, u.id AS user_id, u.org_id, u.username, u.display_name, u.role, u.lang, s.csrf_token,
         s.sso_checked_at, CASE WHEN (o.second_factor_required = 1 OR (o.second_factor_required = 2 AND u.break_glass = 1))
           AND u.totp_secret IS NULL
           AND u.sso_subject IS NULL AND NOT EXISTS (SELECT 1 FROM passkeys p WHERE p.user_id = u.id)
           THEN 1 ELSE 0 END AS needs_second_factor, s.last_seen_at
         FROM sessions s JOIN users u ON u.id = s.user_id JOIN organisations o ON o.id = u.org_id
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3 AND u.active = 1
           AND o.suspended_at IS NULL",
    )
    .bind(hash_token(token))
    .bind(crate::platform::clock::stamp())
    .bind(crate::platform::clock::stamp_in(-IDLE_SECS))
    .fetch_optional(e)
    .await?)
}

/// Records that a session was used now. Written at most once a minute per session, so that
/// reading pages does not queue for the database's write lock: within the minute no statement
/// is sent at all (on SQLite even an UPDATE that matches no row waits for the write lock).
pub async fn touch<'c, E: Executor<'c, Database = Any>>(e: E, s: &SessionUser) -> Result<(), DbError> {
    if s.last_seen_at.seconds_since() < 60 {
        return Ok(());
    }
    let minute_ago = crate::platform::clock::stamp_in(-60);
    sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id = $2 AND last_seen_at < $3")
        .bind(crate::platform::clock::stamp())
        .bind(s.session_id)
        .bind(minute_ago)
        .execute(e)
        .await?;
    Ok(())
}

/// Whether a session is still valid: not logged out, not expired, not idle too long, its user still active.
pub async fn still_valid<'c, E: Executor<'c, Database = Any>>(e: E, session_id: i64) -> Result<bool, DbError> {
    let row: Option<(i64,)> = sqlx::query_as(
        "SELECT s.id FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.id = $1 AND s.expires_at > $2 AND s.last_seen_at > $3 AND u.active = 1",
    )
    .bind(session_id)
    .bind(crate::platform::clock::stamp())
    .bind(crate::platform::clock::stamp_in(-IDLE_SECS))
    .fetch_optional(e)
    .await?;
    Ok(row.is_some())
}

pub async fn delete<'c, E: Executor<'c, Database = Any>>(e: E, session_id: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM sessions WHERE id = $1").bind(session_id).execute(e).await?;
    Ok(())
}

/// Ends every other session of a user (after a password change).
pub async fn delete_others<'c, E: Executor<'c, Database = Any>>(e: E, user_id: i64, keep: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id <> $2").bind(user_id).bind(keep).execute(e).await?;
    Ok(())
}

/// Ends every session of a user (password reset, account deactivated).
pub async fn delete_all<'c, E: Executor<'c, Database = Any>>(e: E, user_id: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(e).await?;
    Ok(())
}

pub async fn purge_expired<'c, E: Executor<'c, Database = Any>>(e: E) -> Result<(), DbError> {
    sqlx::query("DELETE FROM sessions WHERE expires_at <= $1").bind(crate::platform::clock::stamp()).execute(e).await?;
    Ok(())
}

/// Stores a one-time setup link's token (hashed) for creating the first administrator.
pub async fn create_setup_token<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<String, DbError> {
    let token = random_token();
    sqlx::query("INSERT INTO setup_tokens (token_hash, org_id, expires_at) VALUES ($1, $2, $3)")
        .bind(hash_token(&token))
        .bind(org)
        .bind(crate::platform::clock::stamp_in(24 * 3600))
        .execute(e)
        .await?;
    Ok(token)
}

/// The organisation a still-valid setup token belongs to.
pub async fn setup_token_org<'c, E: Executor<'c, Database = Any>>(e: E, token: &str) -> Result<Option<i64>, DbError> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT org_id FROM setup_tokens WHERE token_hash = $1 AND expires_at > $2")
            .bind(hash_token(token))
            .bind(crate::platform::clock::stamp())
            .fetch_optional(e)
            .await?;
    Ok(row.map(|r| r.0))
}

/// Spends a still-valid setup token: true for the one caller that deletes it, so of two people
/// using the link at once only one goes on (the other's DELETE finds nothing).
pub async fn take_setup_token<'c, E: Executor<'c, Database = Any>>(e: E, token: &str) -> Result<bool, DbError> {
    let done = sqlx::query("DELETE FROM setup_tokens WHERE token_hash = $1 AND expires_at > $2")
        .bind(hash_token(token))
        .bind(crate::platform::clock::stamp())
        .execute(e)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Ends every setup link of the organisation.
pub async fn consume_setup_tokens<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM setup_tokens WHERE org_id = $1").bind(org).execute(e).await?;
    Ok(())
}
