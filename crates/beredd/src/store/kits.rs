//! The offline kits made: for which units, by whom, when, the plan versions each held and the
//! fingerprints by which a copy is recognised (`migrations/0011_kits.sql`, `0030_kit_fingerprints.sql`), and who received
//! each file (`0042_protected_people_retention.sql`).
//! The passphrase is never stored.

use sqlx::{Any, Executor};

use super::DbError;
use super::plans::Printed;

/// One offline kit made.
#[derive(Debug, Clone, serde::Serialize, sqlx::FromRow)]
pub struct KitExport {
    pub id: i64,
    pub org_id: i64,
    pub kit_id: String,
    pub scope_name: String,
    pub max_age_days: i64,
    pub exported_by: String,
    pub exported_at: crate::platform::clock::Stamp,
    /// SHA-256 (hex) of the kit's sealed part, which the kit shows; none for kits made before
    /// fingerprints were kept.
    pub fingerprint: Option<String>,
    /// SHA-256 (hex) of the whole file as downloaded.
    pub file_sha256: Option<String>,
    /// Who received the file, one a line, as the maker said (`migrations/0042`); none when not said.
    pub recipients: Option<String>,
}

/// What is recorded of a kit when it is made.
pub struct NewKit<'a> {
    pub kit_id: &'a str,
    pub scope_name: &'a str,
    pub max_age_days: i64,
    pub by: &'a str,
    /// (plan id, version) of every plan in it.
    pub plans: &'a [(i64, i64)],
    pub fingerprint: &'a str,
    pub file_sha256: &'a str,
    pub recipients: Option<&'a str>,
}

/// A query of whole kit records: the columns, then the rest of the statement.
macro_rules! select {
    ($rest:literal) => {
        concat!(
            "SELECT id, org_id, kit_id, scope_name, max_age_days, exported_by, exported_at, fingerprint, file_sha256, recipients FROM kit_exports ",
            $rest
        )
    };
}

/// Records a kit and the plan versions it held.
pub async fn record(conn: &mut sqlx::AnyConnection, org: i64, k: &NewKit<'_>) -> Result<i64, DbError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO kit_exports (org_id, kit_id, scope_name, max_age_days, exported_by, exported_at, fingerprint, file_sha256, recipients)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
    )
    .bind(org)
    .bind(k.kit_id)
    .bind(k.scope_name)
    .bind(k.max_age_days)
    .bind(k.by)
    .bind(crate::platform::clock::stamp())
    .bind(k.fingerprint)
    .bind(k.file_sha256)
    .bind(k.recipients)
    .fetch_one(&mut *conn)
    .await?;
    for (plan, version) in k.plans {
        sqlx::query("INSERT INTO kit_export_plans (export_id, plan_id, version) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(*plan)
            .bind(*version)
            .execute(&mut *conn)
            .await?;
    }
    Ok(id)
}

/// The organisation's latest kits, newest first.
pub async fn recent<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    limit: i64,
) -> Result<Vec<KitExport>, DbError> {
    Ok(sqlx::query_as(select!("WHERE org_id = $1 ORDER BY id DESC LIMIT $2"))
        .bind(org)
        .bind(limit)
        .fetch_all(e)
        .await?)
}

/// The kits (of any organisation in this database) whose file or sealed part has this SHA-256,
/// newest first.
pub async fn by_hash<'c, E: Executor<'c, Database = Any>>(
    e: E,
    file_sha256: &str,
    fingerprint: &str,
) -> Result<Vec<KitExport>, DbError> {
    Ok(sqlx::query_as(select!("WHERE file_sha256 = $1 OR fingerprint = $2 ORDER BY id DESC"))
        .bind(file_sha256)
        .bind(fingerprint)
        .fetch_all(e)
        .await?)
}

/// The kits recorded under a kit id (the header names it; it proves nothing by itself).
pub async fn by_kit_id<'c, E: Executor<'c, Database = Any>>(e: E, kit_id: &str) -> Result<Vec<KitExport>, DbError> {
    Ok(sqlx::query_as(select!("WHERE kit_id = $1 ORDER BY id DESC")).bind(kit_id).fetch_all(e).await?)
}

/// The plans a kit held: (name, version), by name.
pub async fn plans_of<'c, E: Executor<'c, Database = Any>>(e: E, export: i64) -> Result<Vec<(String, i64)>, DbError> {
    Ok(sqlx::query_as(
        "SELECT p.name, l.version FROM kit_export_plans l JOIN plans p ON p.id = l.plan_id WHERE l.export_id = $1 ORDER BY p.name, l.version",
    )
    .bind(export)
    .fetch_all(e)
    .await?)
}

/// Per plan: the highest version put in a kit, and when the last such kit was made.
pub async fn in_kits<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<Printed>, DbError> {
    Ok(sqlx::query_as(
        "SELECT l.plan_id, MAX(l.version) AS version, MAX(k.exported_at) AS printed_at FROM kit_export_plans l JOIN kit_exports k ON k.id = l.export_id
         WHERE k.org_id = $1 GROUP BY l.plan_id",
    )
    .bind(org)
    .fetch_all(e)
    .await?)
}
