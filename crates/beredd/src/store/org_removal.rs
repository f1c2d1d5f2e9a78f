//! What an organisation holds, table by table, and its removal (hosted mode, issue 22): the
//! tables that carry an `org_id` are read from the database's catalogue (`dump::tables`, and the
//! ones an export leaves out), so that a table added later is counted without a line here.

use sqlx::Any;

use super::DbError;
use super::dump::plain;
use crate::platform::db::Db;

/// Tables an export leaves out (`dump::NOT_CARRIED`) that still hold an organisation's rows.
const ALSO: &[&str] = &["setup_tokens", "sso_providers", "sso_logins", "jobs", "binder_parts"];

/// Every table with an `org_id` column.
pub async fn org_tables(db: &Db) -> Result<Vec<String>, DbError> {
    let mut out: Vec<String> = super::dump::tables(db)
        .await?
        .into_iter()
        .filter(|t| t.columns.iter().any(|c| c.name == "org_id"))
        .map(|t| t.name)
        .collect();
    out.extend(ALSO.iter().map(|t| (*t).to_owned()));
    Ok(out)
}

/// The organisation's rows in `table` (a name from `org_tables`).
pub async fn rows_in(conn: &mut sqlx::AnyConnection, table: &str, org: i64) -> Result<i64, DbError> {
    let sql = format!("SELECT COUNT(*) FROM {} WHERE org_id = $1", plain(table)?);
    let (n,): (i64,) = sqlx::query_as::<Any, (i64,)>(sqlx::AssertSqlSafe(sql)).bind(org).fetch_one(&mut *conn).await?;
    Ok(n)
}

/// Entries of the organisation's audit trail not written under `name` or a name starting
/// `name (`: anything someone else (a user, the command line) did.
pub async fn audit_entries_not_by(conn: &mut sqlx::AnyConnection, org: i64, name: &str) -> Result<i64, DbError> {
    let (n,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM audit_log WHERE org_id = $1 AND username <> $2 AND username NOT LIKE $3")
            .bind(org)
            .bind(name)
            .bind(format!("{name} (%"))
            .fetch_one(&mut *conn)
            .await?;
    Ok(n)
}

/// Deletes the organisation's rows in `tables` (in that order), then the organisation.
pub async fn delete(conn: &mut sqlx::AnyConnection, org: i64, tables: &[&str]) -> Result<(), DbError> {
    for table in tables {
        let sql = format!("DELETE FROM {} WHERE org_id = $1", plain(table)?);
        sqlx::query::<Any>(sqlx::AssertSqlSafe(sql)).bind(org).execute(&mut *conn).await?;
    }
    sqlx::query("DELETE FROM organisations WHERE id = $1").bind(org).execute(&mut *conn).await?;
    Ok(())
}
