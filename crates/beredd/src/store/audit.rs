//! The audit trail: who changed what, when, with the record before and after. Rows are only
//! ever inserted; no route or API updates or deletes them.

use serde::Serialize;
use sqlx::{Any, Executor};

use super::DbError;
use crate::platform::clock::Stamp;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct AuditEntry {
    pub id: i64,
    pub at: Stamp,
    pub user_id: Option<i64>,
    pub username: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub summary: String,
    pub before_json: Option<String>,
    pub after_json: Option<String>,
}

/// Who did it, for the trail.
#[derive(Debug, Clone)]
pub struct Actor {
    pub org_id: i64,
    pub user_id: Option<i64>,
    pub username: String,
}

pub struct Change<'a, T: Serialize> {
    pub action: &'a str,
    pub entity: &'a str,
    pub entity_id: Option<i64>,
    pub summary: &'a str,
    pub before: Option<&'a T>,
    pub after: Option<&'a T>,
}

pub async fn record<'c, E, T>(e: E, actor: &Actor, change: Change<'_, T>) -> Result<(), DbError>
where
    E: Executor<'c, Database = Any>,
    T: Serialize,
{
    let before = change.before.map(|b| serde_json::to_string(b).unwrap_or_default());
    let after = change.after.map(|a| serde_json::to_string(a).unwrap_or_default());
    sqlx::query(
        "INSERT INTO audit_log (org_id, at, user_id, username, action, entity, entity_id, summary, before_json, after_json)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(actor.org_id)
    .bind(crate::platform::clock::stamp())
    .bind(actor.user_id)
    .bind(&actor.username)
    .bind(change.action)
    .bind(change.entity)
    .bind(change.entity_id)
    .bind(change.summary)
    .bind(before)
    .bind(after)
    .execute(e)
    .await?;
    Ok(())
}

#[derive(Debug, Default, Clone)]
pub struct Filter {
    pub username: Option<String>,
    pub entity: Option<String>,
    /// From this stored time (inclusive) until that one (exclusive): the bounds of the days asked
    /// for, which are Swedish days and so do not begin at midnight UTC.
    pub from: Option<String>,
    pub until: Option<String>,
}

/// The newest entries first, at most `limit`, matching the filter.
pub async fn list<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    f: &Filter,
    limit: i64,
) -> Result<Vec<AuditEntry>, DbError> {
    // Empty filters are bound as values that match everything, so the SQL stays one string.
    let from = f.from.clone().unwrap_or_default();
    let until = f.until.clone().unwrap_or_default();
    Ok(sqlx::query_as(
        "SELECT id, at, user_id, username, action, entity, entity_id, summary, before_json, after_json FROM audit_log
         WHERE org_id = $1 AND ($2 = '' OR username = $2) AND ($3 = '' OR entity = $3) AND at >= $4 AND ($5 = '' OR at < $5)
         ORDER BY id DESC LIMIT $6",
    )
    .bind(org)
    .bind(f.username.clone().unwrap_or_default())
    .bind(f.entity.clone().unwrap_or_default())
    .bind(from)
    .bind(until)
    .bind(limit)
    .fetch_all(e)
    .await?)
}

/// How many changes anyone but `username` made (logging in and out aside), and when the newest
/// was: whether people have worked in a database since a loader (the demo's) filled it.
pub async fn changes_by_others<'c, E: Executor<'c, Database = Any>>(
    e: E,
    username: &str,
) -> Result<(i64, Option<Stamp>), DbError> {
    Ok(sqlx::query_as("SELECT COUNT(*), MAX(at) FROM audit_log WHERE username <> $1 AND entity <> 'session'")
        .bind(username)
        .fetch_one(e)
        .await?)
}

pub async fn distinct_users<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<String>, DbError> {
    let rows: Vec<(String,)> =
        sqlx::query_as("SELECT DISTINCT username FROM audit_log WHERE org_id = $1 ORDER BY username")
            .bind(org)
            .fetch_all(e)
            .await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// When and by whom `action` was done since `since` (a stored time), newest first.
pub async fn done_since<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    action: &str,
    since: &str,
) -> Result<Vec<(Stamp, String)>, DbError> {
    Ok(sqlx::query_as(
        "SELECT at, username FROM audit_log WHERE org_id = $1 AND action = $2 AND at >= $3 ORDER BY id DESC LIMIT 50",
    )
    .bind(org)
    .bind(action)
    .bind(since)
    .fetch_all(e)
    .await?)
}

/// When and what (the summary: a person's name, say) `entity` rows were deleted since `since`
/// (a stored time or date; empty for always), oldest first.
pub async fn deleted_since<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    entity: &str,
    since: &str,
) -> Result<Vec<(Stamp, String)>, DbError> {
    Ok(sqlx::query_as(
        "SELECT at, summary FROM audit_log WHERE org_id = $1 AND action = 'delete' AND entity = $2 AND at >= $3 ORDER BY id LIMIT 200",
    )
    .bind(org)
    .bind(entity)
    .bind(since)
    .fetch_all(e)
    .await?)
}
