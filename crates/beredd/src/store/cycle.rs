//! The yearly cycle: recurring items and their dated tasks.

use beredd_domain::cycle::CycleKind;
use serde::Serialize;
use sqlx::{Any, Executor};

use super::DbError;
use crate::platform::clock::Day;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Item {
    pub id: i64,
    /// Private, so that only the store makes an item, and with it its [`Key`].
    #[serde(skip)]
    org_id: i64,
    pub title: String,
    #[sqlx(try_from = "super::Code<CycleKind>")]
    pub kind: CycleKind,
    pub owner_id: Option<i64>,
    pub unit_id: Option<i64>,
    pub start_date: Day,
    pub every_months: i64,
    pub until_date: Option<Day>,
    pub notes: Option<String>,
}

super::owned::keyed!(Item);

pub struct NewItem<'a> {
    pub title: &'a str,
    pub kind: CycleKind,
    pub owner_id: Option<i64>,
    pub unit_id: Option<i64>,
    pub start_date: Day,
    pub every_months: i64,
    pub until_date: Option<Day>,
    pub notes: Option<&'a str>,
}

pub async fn items<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<Item>, DbError> {
    Ok(sqlx::query_as("SELECT id, org_id, title, kind, owner_id, unit_id, start_date, every_months, until_date, notes FROM cycle_items WHERE org_id = $1 ORDER BY title").bind(org).fetch_all(e).await?)
}

pub async fn insert<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, n: &NewItem<'_>) -> Result<Key, DbError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO cycle_items (org_id, title, kind, owner_id, unit_id, start_date, every_months, until_date, notes, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(org)
    .bind(n.title)
    .bind(n.kind.code())
    .bind(n.owner_id)
    .bind(n.unit_id)
    .bind(n.start_date)
    .bind(n.every_months)
    .bind(n.until_date)
    .bind(n.notes)
    .bind(crate::platform::clock::stamp())
    .fetch_one(e)
    .await?;
    Ok(Key::found(org, id))
}

/// Makes sure a task exists for each due date (existing ones are kept as they are).
pub async fn ensure_tasks(conn: &mut sqlx::AnyConnection, item: Key, dates: &[Day]) -> Result<(), DbError> {
    for d in dates {
        sqlx::query(
            "INSERT INTO cycle_tasks (item_id, due_date) VALUES ($1, $2) ON CONFLICT (item_id, due_date) DO NOTHING",
        )
        .bind(item.id())
        .bind(d)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Task {
    pub id: i64,
    pub item_id: i64,
    pub due_date: Day,
    pub done_at: Option<crate::platform::clock::Stamp>,
    pub done_by: Option<String>,
}

pub async fn tasks<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<Task>, DbError> {
    Ok(sqlx::query_as("SELECT t.id, t.item_id, t.due_date, t.done_at, t.done_by FROM cycle_tasks t JOIN cycle_items i ON i.id = t.item_id WHERE i.org_id = $1 ORDER BY t.due_date, t.id")
        .bind(org)
        .fetch_all(e)
        .await?)
}

pub async fn mark_done<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    task: i64,
    by: &str,
) -> Result<bool, DbError> {
    let n = sqlx::query("UPDATE cycle_tasks SET done_at = $1, done_by = $2 WHERE id = $3 AND done_at IS NULL AND item_id IN (SELECT id FROM cycle_items WHERE org_id = $4)")
        .bind(crate::platform::clock::stamp())
        .bind(by)
        .bind(task)
        .bind(org)
        .execute(e)
        .await?
        .rows_affected();
    Ok(n == 1)
}

/// The user's calendar address as the yearly-cycle page tells of it; the address itself is
/// shown only when it is made, since only its SHA-256 is kept.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Calendar {
    #[sqlx(try_from = "i64")]
    pub active: super::Flag,
    pub made_at: Option<crate::platform::clock::Stamp>,
    /// Why the last address stopped working, when there is none now: "password" (the user
    /// changed it) or "reset" (an administrator or the command line set a new one).
    pub ended: Option<String>,
}

pub async fn calendar<'c, E: Executor<'c, Database = Any>>(e: E, user: i64) -> Result<Calendar, DbError> {
    Ok(sqlx::query_as(
        "SELECT CASE WHEN calendar_token_hash IS NULL THEN 0 ELSE 1 END AS active, calendar_made_at AS made_at,
         calendar_ended AS ended FROM users WHERE id = $1",
    )
    .bind(user)
    .fetch_one(e)
    .await?)
}

/// Makes the user a new calendar address and returns its secret, which is not kept: the one
/// before stops working.
pub async fn new_calendar_token<'c, E: Executor<'c, Database = Any>>(e: E, user: i64) -> Result<String, DbError> {
    let token = super::sessions::random_token();
    sqlx::query(
        "UPDATE users SET calendar_token_hash = $1, calendar_made_at = $2, calendar_ended = NULL, calendar_token = NULL
         WHERE id = $3",
    )
    .bind(super::sessions::hash_token(&token))
    .bind(crate::platform::clock::stamp())
    .bind(user)
    .execute(e)
    .await?;
    Ok(token)
}

/// The organisation, user name and linked person of a calendar token.
pub async fn by_token<'c, E: Executor<'c, Database = Any>>(
    e: E,
    token: &str,
) -> Result<Option<(i64, String, Option<i64>)>, DbError> {
    Ok(sqlx::query_as(
        "SELECT org_id, display_name, person_id FROM users WHERE calendar_token_hash = $1 AND active = 1
         AND org_id IN (SELECT id FROM organisations WHERE suspended_at IS NULL)",
    )
    .bind(super::sessions::hash_token(token))
    .fetch_optional(e)
    .await?)
}

pub async fn reminded<'c, E: Executor<'c, Database = Any>>(e: E, task: i64) -> Result<bool, DbError> {
    let found: Option<(i64,)> =
        sqlx::query_as("SELECT task_id FROM cycle_reminders WHERE task_id = $1").bind(task).fetch_optional(e).await?;
    Ok(found.is_some())
}

pub async fn record_reminder<'c, E: Executor<'c, Database = Any>>(e: E, task: i64, to: &str) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO cycle_reminders (task_id, sent_to, sent_at) VALUES ($1, $2, $3) ON CONFLICT (task_id) DO NOTHING",
    )
    .bind(task)
    .bind(to)
    .bind(crate::platform::clock::stamp())
    .execute(e)
    .await?;
    Ok(())
}
