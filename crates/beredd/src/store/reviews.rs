//! The management review (ledningens genomgång): one per organisation and year, with the
//! management's decisions per section, each perhaps made into an action in the action plan.

use serde::Serialize;
use sqlx::{Any, Executor};

use super::DbError;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Review {
    pub id: i64,
    /// Private, so that only the store makes a review, and with it its [`Key`].
    #[serde(skip)]
    org_id: i64,
    pub year: i64,
    /// The day the management met (`YYYY-MM-DD`).
    pub held_on: crate::platform::clock::Day,
    /// Who took part, one per line.
    pub participants: String,
    pub updated_by: String,
    pub updated_at: crate::platform::clock::Stamp,
}

super::owned::keyed!(Review);

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Decision {
    pub id: i64,
    /// The section's key, e.g. "classification".
    pub section: String,
    pub position: i64,
    pub text: String,
    /// The action it became, if it did (and the action is still there).
    pub action_id: Option<i64>,
}

/// A decision as it is to be stored.
#[derive(Debug, Clone)]
pub struct NewDecision {
    pub section: String,
    pub text: String,
    pub action_id: Option<i64>,
}

/// The review of `year`, if one has been saved.
pub async fn get<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, year: i64) -> Result<Option<Review>, DbError> {
    Ok(sqlx::query_as(
        "SELECT id, org_id, year, held_on, participants, updated_by, updated_at FROM management_reviews WHERE org_id = $1 AND year = $2",
    )
    .bind(org)
    .bind(year)
    .fetch_optional(e)
    .await?)
}

/// The years that have a saved review, newest first.
pub async fn years<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<i64>, DbError> {
    let rows: Vec<(i64,)> = sqlx::query_as("SELECT year FROM management_reviews WHERE org_id = $1 ORDER BY year DESC")
        .bind(org)
        .fetch_all(e)
        .await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

/// A review's decisions, section by section in the order they were written.
pub async fn decisions<'c, E: Executor<'c, Database = Any>>(e: E, review: Key) -> Result<Vec<Decision>, DbError> {
    Ok(sqlx::query_as(
        "SELECT id, section, position, text, action_id FROM management_review_decisions WHERE review_id = $1 ORDER BY position, id",
    )
    .bind(review.id())
    .fetch_all(e)
    .await?)
}

/// Stores the review of `year` (new, or replacing the meeting's day and participants) and
/// returns it.
pub async fn save(
    conn: &mut sqlx::AnyConnection,
    org: i64,
    year: i64,
    held_on: crate::platform::clock::Day,
    participants: &str,
    by: &str,
) -> Result<Key, DbError> {
    let now = crate::platform::clock::stamp();
    if let Some(r) = get(&mut *conn, org, year).await? {
        sqlx::query(
            "UPDATE management_reviews SET held_on = $1, participants = $2, updated_by = $3, updated_at = $4 WHERE id = $5 AND org_id = $6",
        )
        .bind(held_on)
        .bind(participants)
        .bind(by)
        .bind(&now)
        .bind(r.id)
        .bind(org)
        .execute(&mut *conn)
        .await?;
        return Ok(r.key());
    }
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO management_reviews (org_id, year, held_on, participants, updated_by, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id",
    )
    .bind(org)
    .bind(year)
    .bind(held_on)
    .bind(participants)
    .bind(by)
    .bind(&now)
    .fetch_one(&mut *conn)
    .await?;
    Ok(Key::found(org, id))
}

/// Replaces a review's decisions with `all`, in their order.
pub async fn set_decisions(conn: &mut sqlx::AnyConnection, review: Key, all: &[NewDecision]) -> Result<(), DbError> {
    sqlx::query("DELETE FROM management_review_decisions WHERE review_id = $1")
        .bind(review.id())
        .execute(&mut *conn)
        .await?;
    for (i, d) in all.iter().enumerate() {
        sqlx::query(
            "INSERT INTO management_review_decisions (review_id, section, position, text, action_id) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(review.id())
        .bind(&d.section)
        .bind(i as i64)
        .bind(&d.text)
        .bind(d.action_id)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
