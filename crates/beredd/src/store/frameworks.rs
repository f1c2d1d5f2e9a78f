//! Imported frameworks, framework assessments and their answers; an answer's queries take its
//! assessment's [`Key`], which only an assessment read in the caller's organisation gives.

use serde::Serialize;
use sqlx::{Any, Executor};

use super::DbError;

/// A framework file a user imported; `content` is parsed again on use.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Imported {
    pub id: i64,
    pub framework_key: String,
    pub version: String,
    pub title: String,
    pub format: String,
    #[serde(skip)]
    pub content: String,
    pub imported_by: String,
    pub imported_at: crate::platform::clock::Stamp,
}

/// A started assessment: what it was started as, with its id.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Assessment {
    pub id: i64,
    /// Private, so that only the store makes an assessment, and with it its [`Key`].
    #[serde(skip)]
    org_id: i64,
    #[sqlx(flatten)]
    #[serde(flatten)]
    pub started: NewAssessment,
}

super::owned::keyed!(Assessment);

/// Its framework, title, scope, day and who started it read as the assessment's own.
impl std::ops::Deref for Assessment {
    type Target = NewAssessment;
    fn deref(&self) -> &NewAssessment {
        &self.started
    }
}

/// An assessment to start.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct NewAssessment {
    pub framework_key: String,
    pub version: String,
    pub title: String,
    pub scope: Option<String>,
    pub started_on: crate::platform::clock::Day,
    pub created_by: String,
}

#[derive(Debug, Clone, Default, Serialize, sqlx::FromRow)]
pub struct Answer {
    pub node_id: String,
    pub status: Option<String>,
    pub maturity: Option<i64>,
    pub comment: Option<String>,
    pub evidence: Option<String>,
    /// Catalogue requirement ids, comma separated.
    pub requirement_ids: Option<String>,
    pub updated_by: String,
    pub updated_at: crate::platform::clock::Stamp,
}

impl Answer {
    pub fn requirements(&self) -> Vec<String> {
        self.requirement_ids
            .as_deref()
            .unwrap_or_default()
            .split(',')
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect()
    }
}

pub async fn imported<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<Imported>, DbError> {
    Ok(sqlx::query_as("SELECT id, framework_key, version, title, format, content, imported_by, imported_at FROM frameworks WHERE org_id = $1 ORDER BY title, version").bind(org).fetch_all(e).await?)
}

pub async fn add_imported<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, f: &Imported) -> Result<i64, DbError> {
    let (id,): (i64,) = sqlx::query_as("INSERT INTO frameworks (org_id, framework_key, version, title, format, content, imported_by, imported_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id")
        .bind(org)
        .bind(&f.framework_key)
        .bind(&f.version)
        .bind(&f.title)
        .bind(&f.format)
        .bind(&f.content)
        .bind(&f.imported_by)
        .bind(crate::platform::clock::stamp())
        .fetch_one(e)
        .await?;
    Ok(id)
}

pub async fn delete_imported<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    key: &str,
    version: &str,
) -> Result<(), DbError> {
    sqlx::query("DELETE FROM frameworks WHERE org_id = $1 AND framework_key = $2 AND version = $3")
        .bind(org)
        .bind(key)
        .bind(version)
        .execute(e)
        .await?;
    Ok(())
}

pub async fn assessments<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<Assessment>, DbError> {
    Ok(sqlx::query_as("SELECT id, org_id, framework_key, version, title, scope, started_on, created_by FROM framework_assessments WHERE org_id = $1 ORDER BY started_on DESC, id DESC").bind(org).fetch_all(e).await?)
}

pub async fn add_assessment<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    a: &NewAssessment,
) -> Result<Key, DbError> {
    let (id,): (i64,) = sqlx::query_as("INSERT INTO framework_assessments (org_id, framework_key, version, title, scope, started_on, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id")
        .bind(org)
        .bind(&a.framework_key)
        .bind(&a.version)
        .bind(&a.title)
        .bind(&a.scope)
        .bind(a.started_on)
        .bind(&a.created_by)
        .bind(crate::platform::clock::stamp())
        .fetch_one(e)
        .await?;
    Ok(Key::found(org, id))
}

pub async fn answers<'c, E: Executor<'c, Database = Any>>(e: E, assessment: Key) -> Result<Vec<Answer>, DbError> {
    Ok(sqlx::query_as("SELECT node_id, status, maturity, comment, evidence, requirement_ids, updated_by, updated_at FROM framework_answers WHERE assessment_id = $1").bind(assessment.id()).fetch_all(e).await?)
}

/// Saves the answer to one requirement, replacing an earlier one.
pub async fn save_answer(conn: &mut sqlx::AnyConnection, assessment: Key, a: &Answer) -> Result<(), DbError> {
    let now = crate::platform::clock::stamp();
    let updated = sqlx::query("UPDATE framework_answers SET status = $1, maturity = $2, comment = $3, evidence = $4, requirement_ids = $5, updated_by = $6, updated_at = $7 WHERE assessment_id = $8 AND node_id = $9")
        .bind(&a.status)
        .bind(a.maturity)
        .bind(&a.comment)
        .bind(&a.evidence)
        .bind(&a.requirement_ids)
        .bind(&a.updated_by)
        .bind(&now)
        .bind(assessment.id())
        .bind(&a.node_id)
        .execute(&mut *conn)
        .await?;
    if updated.rows_affected() == 0 {
        sqlx::query("INSERT INTO framework_answers (assessment_id, node_id, status, maturity, comment, evidence, requirement_ids, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
            .bind(assessment.id())
            .bind(&a.node_id)
            .bind(&a.status)
            .bind(a.maturity)
            .bind(&a.comment)
            .bind(&a.evidence)
            .bind(&a.requirement_ids)
            .bind(&a.updated_by)
            .bind(&now)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// (requirement id, action id) for every action linked to an answer of the assessment.
pub async fn linked_actions<'c, E: Executor<'c, Database = Any>>(
    e: E,
    assessment: Key,
) -> Result<Vec<(String, i64)>, DbError> {
    Ok(sqlx::query_as(
        "SELECT node_id, action_id FROM framework_answer_actions WHERE assessment_id = $1 ORDER BY action_id",
    )
    .bind(assessment.id())
    .fetch_all(e)
    .await?)
}

pub async fn link_action(
    conn: &mut sqlx::AnyConnection,
    assessment: Key,
    node: &str,
    action: i64,
) -> Result<(), DbError> {
    let (n,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM framework_answer_actions WHERE assessment_id = $1 AND node_id = $2 AND action_id = $3",
    )
    .bind(assessment.id())
    .bind(node)
    .bind(action)
    .fetch_one(&mut *conn)
    .await?;
    if n == 0 {
        sqlx::query("INSERT INTO framework_answer_actions (assessment_id, node_id, action_id) VALUES ($1, $2, $3)")
            .bind(assessment.id())
            .bind(node)
            .bind(action)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

pub async fn unlink_action<'c, E: Executor<'c, Database = Any>>(
    e: E,
    assessment: Key,
    node: &str,
    action: i64,
) -> Result<(), DbError> {
    sqlx::query("DELETE FROM framework_answer_actions WHERE assessment_id = $1 AND node_id = $2 AND action_id = $3")
        .bind(assessment.id())
        .bind(node)
        .bind(action)
        .execute(e)
        .await?;
    Ok(())
}

/// Removes an assessment with its answers and links; the actions stay in the action plan.
pub async fn delete_assessment(conn: &mut sqlx::AnyConnection, org: i64, id: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM framework_evidence WHERE org_id = $1 AND assessment_id = $2")
        .bind(org)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM framework_answer_actions WHERE assessment_id IN (SELECT id FROM framework_assessments WHERE org_id = $1 AND id = $2)").bind(org).bind(id).execute(&mut *conn).await?;
    sqlx::query("DELETE FROM framework_answers WHERE assessment_id IN (SELECT id FROM framework_assessments WHERE org_id = $1 AND id = $2)").bind(org).bind(id).execute(&mut *conn).await?;
    sqlx::query("DELETE FROM framework_assessments WHERE org_id = $1 AND id = $2")
        .bind(org)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
