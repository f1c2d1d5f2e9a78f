//! The status board: areas and items with their state.

use super::*;

#[derive(Debug, Clone, Serialize, serde::Deserialize, sqlx::FromRow)]
pub struct BoardItem {
    pub id: i64,
    pub area: String,
    pub section: String,
    pub position: i64,
    pub label: String,
    pub state: String,
    pub updated_by: Option<String>,
    pub updated_at: Option<crate::platform::clock::Stamp>,
}

pub async fn add_board_item<'c, E: Executor<'c, Database = Any>>(
    e: E,
    incident: Key,
    area: &str,
    section: &str,
    position: i64,
    label: &str,
) -> Result<(), DbError> {
    sqlx::query("INSERT INTO board_items (incident_id, area, section, position, label, state) VALUES ($1, $2, $3, $4, $5, 'not_started')")
        .bind(incident.id())
        .bind(area)
        .bind(section)
        .bind(position)
        .bind(label)
        .execute(e)
        .await?;
    Ok(())
}

pub async fn board<'c, E: Executor<'c, Database = Any>>(e: E, incident: Key) -> Result<Vec<BoardItem>, DbError> {
    Ok(sqlx::query_as("SELECT id, area, section, position, label, state, updated_by, updated_at FROM board_items WHERE incident_id = $1 ORDER BY position").bind(incident.id()).fetch_all(e).await?)
}

pub async fn board_item<'c, E: Executor<'c, Database = Any>>(
    e: E,
    incident: Key,
    item: i64,
) -> Result<Option<BoardItem>, DbError> {
    Ok(sqlx::query_as("SELECT id, area, section, position, label, state, updated_by, updated_at FROM board_items WHERE incident_id = $1 AND id = $2")
        .bind(incident.id())
        .bind(item)
        .fetch_optional(e)
        .await?)
}

pub async fn set_board_state<'c, E: Executor<'c, Database = Any>>(
    e: E,
    incident: Key,
    item: i64,
    state: beredd_domain::BoardState,
    by: &str,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE board_items SET state = $1, updated_by = $2, updated_at = $3 WHERE incident_id = $4 AND id = $5",
    )
    .bind(state.code())
    .bind(by)
    .bind(crate::platform::clock::stamp())
    .bind(incident.id())
    .bind(item)
    .execute(e)
    .await?;
    Ok(())
}

/// How many items of each area are in each state: (area, state, count).
pub async fn board_counts<'c, E: Executor<'c, Database = Any>>(
    e: E,
    incident: Key,
) -> Result<Vec<(String, String, i64)>, DbError> {
    Ok(sqlx::query_as(
        "SELECT area, state, COUNT(*) AS n FROM board_items WHERE incident_id = $1 GROUP BY area, state ORDER BY area, state",
    )
    .bind(incident.id())
    .fetch_all(e)
    .await?)
}
