//! Crisis staff meetings and their protocols.

use super::*;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Meeting {
    pub id: i64,
    pub number: i64,
    pub held_at: crate::platform::clock::Stamp,
    pub held_by: String,
    /// The protocol as JSON (see `services::crisis::meetings::Protocol`).
    pub protocol: String,
}

pub async fn meetings<'c, E: Executor<'c, Database = Any>>(e: E, incident: Key) -> Result<Vec<Meeting>, DbError> {
    Ok(sqlx::query_as("SELECT id, number, held_at, held_by, protocol FROM incident_meetings WHERE incident_id = $1 ORDER BY number DESC").bind(incident.id()).fetch_all(e).await?)
}

/// Holds the incident's row until the transaction ends, so that writers that number what they
/// add to it (meetings) take turns: on PostgreSQL two transactions would otherwise read the same
/// highest number and the second fail on the unique key; SQLite's write lock already serialises.
pub async fn lock(conn: &mut sqlx::AnyConnection, org: i64, incident: Key) -> Result<(), DbError> {
    sqlx::query("UPDATE incidents SET log_count = log_count WHERE org_id = $1 AND id = $2")
        .bind(org)
        .bind(incident.id())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Adds the incident's next meeting; the caller has taken [`lock`] in the same transaction.
pub async fn add_meeting(
    conn: &mut sqlx::AnyConnection,
    incident: Key,
    by: &str,
    protocol: &str,
) -> Result<i64, DbError> {
    let (n,): (i64,) =
        sqlx::query_as("SELECT COALESCE(MAX(number), 0) + 1 FROM incident_meetings WHERE incident_id = $1")
            .bind(incident.id())
            .fetch_one(&mut *conn)
            .await?;
    sqlx::query(
        "INSERT INTO incident_meetings (incident_id, number, held_at, held_by, protocol) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(incident.id())
    .bind(n)
    .bind(crate::platform::clock::stamp())
    .bind(by)
    .bind(protocol)
    .execute(&mut *conn)
    .await?;
    Ok(n)
}

pub async fn by_uid<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, uid: &str) -> Result<Option<i64>, DbError> {
    let found: Option<(i64,)> = sqlx::query_as("SELECT id FROM incidents WHERE org_id = $1 AND uid = $2")
        .bind(org)
        .bind(uid)
        .fetch_optional(e)
        .await?;
    Ok(found.map(|(id,)| id))
}
