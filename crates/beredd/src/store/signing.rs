//! The public halves of the keys that sign incident logs (see `platform::keys`), and the
//! organisation's uid that names its key file.

use serde::Serialize;
use sqlx::{Any, Executor};

use super::DbError;

/// Where a key this database knows came from.
pub const OWN: &str = "own";
pub const BUNDLE: &str = "bundle";

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct KnownKey {
    pub key_id: String,
    pub public_key: String,
    /// [`OWN`]: a key of an instance that wrote to this database; [`BUNDLE`]: one that signed a
    /// bundle imported here.
    pub origin: String,
    /// Which instance, or which bundle, in words.
    pub label: String,
    pub made_at: crate::platform::clock::Stamp,
    pub added_at: crate::platform::clock::Stamp,
    pub added_by: String,
}

/// The organisation's uid, made the first time it is asked for.
pub async fn org_uid(conn: &mut sqlx::AnyConnection, org: i64) -> Result<String, DbError> {
    let (uid,): (Option<String>,) =
        sqlx::query_as("SELECT uid FROM organisations WHERE id = $1").bind(org).fetch_one(&mut *conn).await?;
    if let Some(uid) = uid {
        return Ok(uid);
    }
    // Two writers may both get here: the second one's update changes nothing and both read back
    // the first one's uid.
    sqlx::query("UPDATE organisations SET uid = $1 WHERE id = $2 AND uid IS NULL")
        .bind(format!("o-{}", &crate::store::sessions::random_token()[..20]))
        .bind(org)
        .execute(&mut *conn)
        .await?;
    let (uid,): (String,) =
        sqlx::query_as("SELECT uid FROM organisations WHERE id = $1").bind(org).fetch_one(&mut *conn).await?;
    Ok(uid)
}

pub struct NewKey<'a> {
    pub key_id: &'a str,
    pub public_key: &'a str,
    pub origin: &'a str,
    pub label: &'a str,
    pub made_at: &'a str,
    pub added_by: &'a str,
}

/// Records a key's public half, unless the organisation already has it.
pub async fn record<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, k: &NewKey<'_>) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO signing_keys (org_id, key_id, public_key, origin, label, made_at, added_at, added_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (org_id, key_id) DO NOTHING",
    )
    .bind(org)
    .bind(k.key_id)
    .bind(k.public_key)
    .bind(k.origin)
    .bind(k.label)
    .bind(k.made_at)
    .bind(crate::platform::clock::stamp())
    .bind(k.added_by)
    .execute(e)
    .await?;
    Ok(())
}

/// Every key the organisation's logs name, oldest first.
pub async fn known<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<KnownKey>, DbError> {
    Ok(sqlx::query_as(
        "SELECT key_id, public_key, origin, label, made_at, added_at, added_by FROM signing_keys WHERE org_id = $1 ORDER BY id",
    )
    .bind(org)
    .fetch_all(e)
    .await?)
}

/// The organisation's uid if it has one yet (it gets one when its first log entry is signed).
pub async fn existing_org_uid<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Option<String>, DbError> {
    let (uid,): (Option<String>,) =
        sqlx::query_as("SELECT uid FROM organisations WHERE id = $1").bind(org).fetch_one(e).await?;
    Ok(uid)
}
