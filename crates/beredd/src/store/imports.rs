//! What an import keeps: the column mapping an organisation chose per register, and uploaded
//! files waiting between their preview and being stored.

use std::collections::HashMap;

use sqlx::{Any, AnyConnection, Executor};

use super::DbError;

/// How long an uploaded file waits for "Spara".
pub const UPLOAD_SECS: i64 = 3600;

/// The saved mapping of a register: normalised heading to field key ("" for ignored).
pub async fn mapping<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    register: &str,
) -> Result<HashMap<String, String>, DbError> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT heading, field FROM import_mappings WHERE org_id = $1 AND register = $2")
            .bind(org)
            .bind(register)
            .fetch_all(e)
            .await?;
    Ok(rows.into_iter().collect())
}

/// Keeps the headings of the file just imported with the fields they filled (others saved
/// before stay).
pub async fn save_mapping(
    conn: &mut AnyConnection,
    org: i64,
    register: &str,
    pairs: &[(String, String)],
) -> Result<(), DbError> {
    let now = crate::platform::clock::stamp();
    for (heading, field) in pairs {
        sqlx::query("DELETE FROM import_mappings WHERE org_id = $1 AND register = $2 AND heading = $3")
            .bind(org)
            .bind(register)
            .bind(heading)
            .execute(&mut *conn)
            .await?;
        sqlx::query(
            "INSERT INTO import_mappings (org_id, register, heading, field, updated_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(org)
        .bind(register)
        .bind(heading)
        .bind(field)
        .bind(&now)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// An uploaded file kept for its user.
pub struct Upload {
    pub register: String,
    pub file_name: String,
    pub content: Vec<u8>,
}

fn expired_before() -> String {
    crate::platform::clock::stamp_in(-UPLOAD_SECS)
}

/// Keeps a file for its user and returns the token that names it. The user's earlier files for
/// the same register, and every file older than an hour, are removed.
pub async fn keep_upload(
    conn: &mut AnyConnection,
    org: i64,
    user: i64,
    register: &str,
    file_name: &str,
    content: &[u8],
) -> Result<String, DbError> {
    sqlx::query("DELETE FROM import_uploads WHERE created_at < $1 OR (user_id = $2 AND register = $3)")
        .bind(expired_before())
        .bind(user)
        .bind(register)
        .execute(&mut *conn)
        .await?;
    let token = super::sessions::random_token();
    sqlx::query(
        "INSERT INTO import_uploads (org_id, user_id, token, register, file_name, content, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(org)
    .bind(user)
    .bind(&token)
    .bind(register)
    .bind(file_name)
    .bind(content)
    .bind(crate::platform::clock::stamp())
    .execute(&mut *conn)
    .await?;
    Ok(token)
}

/// The user's file under this token, if it has not expired.
pub async fn upload<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    user: i64,
    token: &str,
) -> Result<Option<Upload>, DbError> {
    let row: Option<(String, String, Vec<u8>)> = sqlx::query_as(
        "SELECT register, file_name, content FROM import_uploads
         WHERE org_id = $1 AND user_id = $2 AND token = $3 AND created_at >= $4",
    )
    .bind(org)
    .bind(user)
    .bind(token)
    .bind(expired_before())
    .fetch_optional(e)
    .await?;
    Ok(row.map(|(register, file_name, content)| Upload { register, file_name, content }))
}

/// Removes a file once it has been stored.
pub async fn drop_upload<'c, E: Executor<'c, Database = Any>>(e: E, token: &str) -> Result<(), DbError> {
    sqlx::query("DELETE FROM import_uploads WHERE token = $1").bind(token).execute(e).await?;
    Ok(())
}
