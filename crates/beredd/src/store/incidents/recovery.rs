//! Recovery: the backlog of paper documentation to enter, and its progress per day.

use super::*;
use beredd_domain::recovery::{BacklogKind, BacklogPriority};

use crate::platform::clock::Day;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct BacklogItem {
    pub id: i64,
    pub unit_id: i64,
    pub system_id: Option<i64>,
    #[sqlx(try_from = "crate::store::Code<BacklogKind>")]
    pub kind: BacklogKind,
    pub description: Option<String>,
    pub total: i64,
    pub done: i64,
    pub assignee: Option<String>,
    #[sqlx(try_from = "crate::store::Code<BacklogPriority>")]
    pub priority: BacklogPriority,
    pub deadline: Option<Day>,
}

pub struct NewBacklogItem<'a> {
    pub unit_id: i64,
    pub system_id: Option<i64>,
    pub kind: BacklogKind,
    pub description: Option<&'a str>,
    pub total: i64,
    pub assignee: Option<&'a str>,
    pub priority: BacklogPriority,
    pub deadline: Option<Day>,
}

pub async fn backlog<'c, E: Executor<'c, Database = Any>>(e: E, incident: Key) -> Result<Vec<BacklogItem>, DbError> {
    Ok(sqlx::query_as("SELECT id, unit_id, system_id, kind, description, total, done, assignee, priority, deadline FROM backlog_items WHERE incident_id = $1 ORDER BY id")
        .bind(incident.id())
        .fetch_all(e)
        .await?)
}

pub async fn add_backlog(
    conn: &mut sqlx::AnyConnection,
    incident: Key,
    n: &NewBacklogItem<'_>,
    by: &str,
) -> Result<i64, DbError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO backlog_items (incident_id, unit_id, system_id, kind, description, total, assignee, priority, deadline, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(incident.id())
    .bind(n.unit_id)
    .bind(n.system_id)
    .bind(n.kind.code())
    .bind(n.description)
    .bind(n.total)
    .bind(n.assignee)
    .bind(n.priority.code())
    .bind(n.deadline)
    .bind(crate::platform::clock::stamp())
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query("INSERT INTO backlog_progress (item_id, day, added, entered, by_name) VALUES ($1, $2, $3, 0, $4)")
        .bind(id)
        .bind(crate::platform::clock::today())
        .bind(n.total)
        .bind(by)
        .execute(&mut *conn)
        .await?;
    Ok(id)
}

/// Sets how many of an item are entered so far, and records the day's progress.
pub async fn set_backlog_done(
    conn: &mut sqlx::AnyConnection,
    incident: Key,
    item: i64,
    done: i64,
    by: &str,
) -> Result<Option<BacklogItem>, DbError> {
    let Some(before) = backlog(&mut *conn, incident).await?.into_iter().find(|i| i.id == item) else { return Ok(None) };
    let done = done.clamp(0, before.total);
    sqlx::query("UPDATE backlog_items SET done = $1 WHERE incident_id = $2 AND id = $3")
        .bind(done)
        .bind(incident.id())
        .bind(item)
        .execute(&mut *conn)
        .await?;
    sqlx::query("INSERT INTO backlog_progress (item_id, day, added, entered, by_name) VALUES ($1, $2, 0, $3, $4)")
        .bind(item)
        .bind(crate::platform::clock::today())
        .bind(done - before.done)
        .bind(by)
        .execute(&mut *conn)
        .await?;
    Ok(Some(BacklogItem { done, ..before }))
}

/// Every progress record of the incident's backlog: (day, added, entered).
pub async fn backlog_progress<'c, E: Executor<'c, Database = Any>>(
    e: E,
    incident: Key,
) -> Result<Vec<(Day, i64, i64)>, DbError> {
    Ok(sqlx::query_as("SELECT p.day, p.added, p.entered FROM backlog_progress p JOIN backlog_items i ON i.id = p.item_id WHERE i.incident_id = $1 ORDER BY p.id")
        .bind(incident.id())
        .fetch_all(e)
        .await?)
}
