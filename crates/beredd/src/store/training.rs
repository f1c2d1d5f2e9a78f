//! Training: the courses, the units and people each names, the completions recorded by hand, and
//! what an exercise tells about who took part (its participants and its crisis staff roster).

use beredd_domain::training::{Audience, CourseKind};
use serde::Serialize;
use sqlx::{Any, Executor};

use super::DbError;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Course {
    pub id: i64,
    /// Private, so that only the store makes a course, and with it its [`Key`].
    #[serde(skip)]
    org_id: i64,
    pub name: String,
    #[sqlx(try_from = "super::Code<CourseKind>")]
    pub kind: CourseKind,
    pub description: Option<String>,
    pub every_months: Option<i64>,
    #[sqlx(try_from = "super::Code<Audience>")]
    pub audience: Audience,
    pub updated_at: crate::platform::clock::Stamp,
}

super::owned::keyed!(Course);

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct CourseInput {
    pub name: String,
    pub kind: CourseKind,
    pub description: Option<String>,
    pub every_months: Option<i64>,
    pub audience: Audience,
    /// The units whose staff must take it (audience `units`).
    pub unit_ids: Vec<i64>,
    /// The people who must take it (audience `people`).
    pub person_ids: Vec<i64>,
}

/// A completion recorded by hand.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Completion {
    pub id: i64,
    pub course_id: i64,
    pub person_id: i64,
    pub completed_on: crate::platform::clock::Day,
    pub note: Option<String>,
    pub recorded_by: String,
    pub recorded_at: crate::platform::clock::Stamp,
}

/// An exercise (an incident with the exercise flag) with when it began and its participants as
/// typed, one per line.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Exercise {
    pub id: i64,
    pub title: String,
    pub discovered_at: String,
    pub participants: Option<String>,
}

pub async fn list<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<Course>, DbError> {
    Ok(sqlx::query_as(
        "SELECT id, org_id, name, kind, description, every_months, audience, updated_at FROM training_courses
         WHERE org_id = $1 ORDER BY name, id",
    )
    .bind(org)
    .fetch_all(e)
    .await?)
}

/// (course, unit) for every course of the organisation that names units.
pub async fn units<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<(i64, i64)>, DbError> {
    Ok(sqlx::query_as(
        "SELECT l.course_id, l.unit_id FROM training_course_units l JOIN training_courses c ON c.id = l.course_id
         WHERE c.org_id = $1 ORDER BY l.course_id, l.unit_id",
    )
    .bind(org)
    .fetch_all(e)
    .await?)
}

/// (course, person) for every course of the organisation that names people.
pub async fn people<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<(i64, i64)>, DbError> {
    Ok(sqlx::query_as(
        "SELECT l.course_id, l.person_id FROM training_course_people l JOIN training_courses c ON c.id = l.course_id
         WHERE c.org_id = $1 ORDER BY l.course_id, l.person_id",
    )
    .bind(org)
    .fetch_all(e)
    .await?)
}

pub async fn insert(conn: &mut sqlx::AnyConnection, org: i64, c: &CourseInput) -> Result<Key, DbError> {
    let now = crate::platform::clock::stamp();
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO training_courses (org_id, name, kind, description, every_months, audience, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id",
    )
    .bind(org)
    .bind(&c.name)
    .bind(c.kind.code())
    .bind(&c.description)
    .bind(c.every_months)
    .bind(c.audience.code())
    .bind(now)
    .fetch_one(&mut *conn)
    .await?;
    set_links(conn, id, c).await?;
    Ok(Key::found(org, id))
}

pub async fn update(conn: &mut sqlx::AnyConnection, org: i64, id: i64, c: &CourseInput) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE training_courses SET name = $1, kind = $2, description = $3, every_months = $4, audience = $5,
         updated_at = $6 WHERE org_id = $7 AND id = $8",
    )
    .bind(&c.name)
    .bind(c.kind.code())
    .bind(&c.description)
    .bind(c.every_months)
    .bind(c.audience.code())
    .bind(crate::platform::clock::stamp())
    .bind(org)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    set_links(conn, id, c).await
}

/// Keeps the units or the people the course's audience names, and nothing of the other.
async fn set_links(conn: &mut sqlx::AnyConnection, id: i64, c: &CourseInput) -> Result<(), DbError> {
    let units: &[i64] = if c.audience == Audience::Units { &c.unit_ids } else { &[] };
    let people: &[i64] = if c.audience == Audience::People { &c.person_ids } else { &[] };
    super::replace_links(
        conn,
        "DELETE FROM training_course_units WHERE course_id = $1",
        "INSERT INTO training_course_units (course_id, unit_id) VALUES ($1, $2)",
        id,
        units,
    )
    .await?;
    super::replace_links(
        conn,
        "DELETE FROM training_course_people WHERE course_id = $1",
        "INSERT INTO training_course_people (course_id, person_id) VALUES ($1, $2)",
        id,
        people,
    )
    .await
}

/// Every completion recorded by hand for the organisation's courses, newest first.
pub async fn completions<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<Completion>, DbError> {
    Ok(sqlx::query_as(
        "SELECT t.id, t.course_id, t.person_id, t.completed_on, t.note, t.recorded_by, t.recorded_at
         FROM training_completions t JOIN training_courses c ON c.id = t.course_id
         WHERE c.org_id = $1 ORDER BY t.completed_on DESC, t.id DESC",
    )
    .bind(org)
    .fetch_all(e)
    .await?)
}

/// Records that `person` took `course` on `on` (`YYYY-MM-DD`); returns the completion's id.
pub async fn add_completion<'c, E: Executor<'c, Database = Any>>(
    e: E,
    course: Key,
    person: i64,
    on: crate::platform::clock::Day,
    note: Option<&str>,
    by: &str,
) -> Result<i64, DbError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO training_completions (course_id, person_id, completed_on, note, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    )
    .bind(course.id())
    .bind(person)
    .bind(on)
    .bind(note)
    .bind(by)
    .bind(crate::platform::clock::stamp())
    .fetch_one(e)
    .await?;
    Ok(id)
}

pub async fn delete_completion<'c, E: Executor<'c, Database = Any>>(e: E, course: Key, id: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM training_completions WHERE course_id = $1 AND id = $2")
        .bind(course.id())
        .bind(id)
        .execute(e)
        .await?;
    Ok(())
}

/// The organisation's exercises, with their participants as typed.
pub async fn exercises<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<Exercise>, DbError> {
    Ok(sqlx::query_as(
        "SELECT id, title, discovered_at, participants FROM incidents WHERE org_id = $1 AND exercise = 1
         ORDER BY discovered_at, id",
    )
    .bind(org)
    .fetch_all(e)
    .await?)
}

/// (exercise, name) for everyone on the crisis staff roster of the organisation's exercises.
pub async fn exercise_rosters<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
) -> Result<Vec<(i64, String)>, DbError> {
    Ok(sqlx::query_as(
        "SELECT r.incident_id, r.name FROM incident_roster r JOIN incidents i ON i.id = r.incident_id
         WHERE i.org_id = $1 AND i.exercise = 1 ORDER BY r.incident_id, r.id",
    )
    .bind(org)
    .fetch_all(e)
    .await?)
}
