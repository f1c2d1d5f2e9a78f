//! The crisis staff's roster.

use super::*;

#[derive(Debug, Clone, Serialize, serde::Deserialize, sqlx::FromRow)]
pub struct RosterRow {
    pub id: i64,
    pub role: String,
    pub name: String,
    pub phone: Option<String>,
    pub area: Option<String>,
    #[sqlx(try_from = "i64")]
    pub on_duty: Flag,
}

pub async fn roster<'c, E: Executor<'c, Database = Any>>(e: E, incident: Key) -> Result<Vec<RosterRow>, DbError> {
    Ok(sqlx::query_as(
        "SELECT id, role, name, phone, area, on_duty FROM incident_roster WHERE incident_id = $1 ORDER BY id",
    )
    .bind(incident.id())
    .fetch_all(e)
    .await?)
}

pub async fn add_roster<'c, E: Executor<'c, Database = Any>>(
    e: E,
    incident: Key,
    role: beredd_domain::StaffRole,
    name: &str,
    phone: Option<&str>,
    area: Option<&str>,
    on_duty: bool,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO incident_roster (incident_id, role, name, phone, area, on_duty) VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(incident.id())
    .bind(role.code())
    .bind(name)
    .bind(phone)
    .bind(area)
    .bind(crate::store::flag(on_duty))
    .execute(e)
    .await?;
    Ok(())
}

pub async fn set_on_duty<'c, E: Executor<'c, Database = Any>>(
    e: E,
    incident: Key,
    row: i64,
    on_duty: bool,
) -> Result<(), DbError> {
    sqlx::query("UPDATE incident_roster SET on_duty = $1 WHERE incident_id = $2 AND id = $3")
        .bind(crate::store::flag(on_duty))
        .bind(incident.id())
        .bind(row)
        .execute(e)
        .await?;
    Ok(())
}
