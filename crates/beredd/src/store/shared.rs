//! The installation's shared library (migration 52): copies published by one organisation for
//! all. The table is the platform's, not an organisation's: every organisation reads the items
//! not withdrawn; only the publishing organisation withdraws its own. Nothing here reads or
//! writes an organisation's own rows.

use beredd_domain::sharing::SharedKind;
use serde::Serialize;
use sqlx::{Any, Executor};

use super::{DbError, Flag};

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct SharedItem {
    pub id: i64,
    #[sqlx(try_from = "super::Code<SharedKind>")]
    pub kind: SharedKind,
    pub title: String,
    /// The copy, as JSON (see `services::sharing`).
    pub content: String,
    pub publisher_org_id: i64,
    #[sqlx(try_from = "i64")]
    pub show_publisher: Flag,
    pub published_by: String,
    pub published_at: crate::platform::clock::Stamp,
    pub withdrawn_at: Option<crate::platform::clock::Stamp>,
    /// The publishing organisation's name, read with the item; shown to others only when
    /// `show_publisher` says so.
    pub publisher_name: String,
}

macro_rules! cols {
    () => {
        "s.id, s.kind, s.title, s.content, s.publisher_org_id, s.show_publisher, s.published_by, s.published_at, s.withdrawn_at, o.name AS publisher_name FROM shared_items s JOIN organisations o ON o.id = s.publisher_org_id"
    };
}

/// What is published, before it has an id.
pub struct NewItem<'a> {
    pub kind: SharedKind,
    pub title: &'a str,
    pub content: &'a str,
    pub publisher_org_id: i64,
    pub show_publisher: bool,
    pub published_by: &'a str,
}

pub async fn publish<'c, E: Executor<'c, Database = Any>>(e: E, item: &NewItem<'_>) -> Result<i64, DbError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO shared_items (kind, title, content, publisher_org_id, show_publisher, published_by, published_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
    )
    .bind(item.kind.code())
    .bind(item.title)
    .bind(item.content)
    .bind(item.publisher_org_id)
    .bind(super::flag(item.show_publisher))
    .bind(item.published_by)
    .bind(crate::platform::clock::stamp())
    .fetch_one(e)
    .await?;
    Ok(id)
}

/// The items not withdrawn, newest first, of one kind or all.
pub async fn library<'c, E: Executor<'c, Database = Any>>(
    e: E,
    kind: Option<SharedKind>,
) -> Result<Vec<SharedItem>, DbError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        cols!(),
        " WHERE s.withdrawn_at IS NULL AND ($1 = '' OR s.kind = $1) ORDER BY s.published_at DESC, s.id DESC"
    ))
    .bind(kind.map_or("", SharedKind::code))
    .fetch_all(e)
    .await?)
}

/// One item not withdrawn.
pub async fn get<'c, E: Executor<'c, Database = Any>>(e: E, id: i64) -> Result<Option<SharedItem>, DbError> {
    Ok(sqlx::query_as(concat!("SELECT ", cols!(), " WHERE s.id = $1 AND s.withdrawn_at IS NULL"))
        .bind(id)
        .fetch_optional(e)
        .await?)
}

/// Withdraws one of `org`'s own items; false when it has none by that id still published.
pub async fn withdraw<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, id: i64) -> Result<bool, DbError> {
    Ok(sqlx::query(
        "UPDATE shared_items SET withdrawn_at = $1 WHERE id = $2 AND publisher_org_id = $3 AND withdrawn_at IS NULL",
    )
    .bind(crate::platform::clock::stamp())
    .bind(id)
    .bind(org)
    .execute(e)
    .await?
    .rows_affected()
        == 1)
}
