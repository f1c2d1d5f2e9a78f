//! Exercises (injects) and lessons learned.

use super::*;
use beredd_domain::incident::{LessonKind, LessonTarget};

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Inject {
    pub id: i64,
    pub minute: i64,
    pub text: String,
}

pub async fn injects<'c, E: Executor<'c, Database = Any>>(e: E, incident: Key) -> Result<Vec<Inject>, DbError> {
    Ok(sqlx::query_as("SELECT id, minute, text FROM exercise_injects WHERE incident_id = $1 ORDER BY minute, id")
        .bind(incident.id())
        .fetch_all(e)
        .await?)
}

pub async fn add_inject<'c, E: Executor<'c, Database = Any>>(
    e: E,
    incident: Key,
    minute: i64,
    text: &str,
) -> Result<(), DbError> {
    sqlx::query("INSERT INTO exercise_injects (incident_id, minute, text) VALUES ($1, $2, $3)")
        .bind(incident.id())
        .bind(minute)
        .bind(text)
        .execute(e)
        .await?;
    Ok(())
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Lesson {
    pub id: i64,
    #[sqlx(try_from = "crate::store::Code<LessonKind>")]
    pub kind: LessonKind,
    pub text: String,
    pub action_id: Option<i64>,
    pub created_by: String,
    pub created_at: crate::platform::clock::Stamp,
    /// The plan, risk or classified information the lesson changes, if any.
    #[sqlx(try_from = "crate::store::OptionalCode<LessonTarget>")]
    pub target: Option<LessonTarget>,
}

pub async fn lessons<'c, E: Executor<'c, Database = Any>>(e: E, incident: Key) -> Result<Vec<Lesson>, DbError> {
    Ok(sqlx::query_as("SELECT id, kind, text, action_id, created_by, created_at, target FROM lessons WHERE incident_id = $1 ORDER BY id").bind(incident.id()).fetch_all(e).await?)
}

pub async fn add_lesson<'c, E: Executor<'c, Database = Any>>(
    e: E,
    incident: Key,
    kind: LessonKind,
    text: &str,
    action: Option<i64>,
    by: &str,
    target: Option<LessonTarget>,
) -> Result<(), DbError> {
    sqlx::query("INSERT INTO lessons (incident_id, kind, text, action_id, created_by, created_at, target) VALUES ($1, $2, $3, $4, $5, $6, $7)")
        .bind(incident.id())
        .bind(kind.code())
        .bind(text)
        .bind(action)
        .bind(by)
        .bind(crate::platform::clock::stamp())
        .bind(target.map(LessonTarget::code))
        .execute(e)
        .await?;
    Ok(())
}

/// One lesson of the organisation's incidents and exercises, with its incident's id.
pub async fn lesson<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    id: i64,
) -> Result<Option<(i64, Lesson)>, DbError> {
    #[derive(sqlx::FromRow)]
    struct Row {
        incident_id: i64,
        #[sqlx(flatten)]
        lesson: Lesson,
    }
    let row: Option<Row> = sqlx::query_as(
        "SELECT l.incident_id, l.id, l.kind, l.text, l.action_id, l.created_by, l.created_at, l.target
         FROM lessons l JOIN incidents i ON i.id = l.incident_id WHERE i.org_id = $1 AND l.id = $2",
    )
    .bind(org)
    .bind(id)
    .fetch_optional(e)
    .await?;
    Ok(row.map(|r| (r.incident_id, r.lesson)))
}
