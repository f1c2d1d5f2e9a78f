//! Staff reached during the incident.

use super::*;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Reached {
    pub person_id: i64,
    #[sqlx(try_from = "i64")]
    pub reached: Flag,
    pub by_name: String,
    pub at: crate::platform::clock::Stamp,
}

pub async fn reached<'c, E: Executor<'c, Database = Any>>(e: E, incident: Key) -> Result<Vec<Reached>, DbError> {
    Ok(sqlx::query_as("SELECT person_id, reached, by_name, at FROM staff_reached WHERE incident_id = $1")
        .bind(incident.id())
        .fetch_all(e)
        .await?)
}

pub async fn set_reached<'c, E: Executor<'c, Database = Any>>(
    e: E,
    incident: Key,
    person: i64,
    reached: bool,
    by: &str,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO staff_reached (incident_id, person_id, reached, by_name, at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (incident_id, person_id) DO UPDATE SET reached = excluded.reached, by_name = excluded.by_name, at = excluded.at",
    )
    .bind(incident.id())
    .bind(person)
    .bind(crate::store::flag(reached))
    .bind(by)
    .bind(crate::platform::clock::stamp())
    .execute(e)
    .await?;
    Ok(())
}
