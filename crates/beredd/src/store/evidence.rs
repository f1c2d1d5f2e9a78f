//! Evidence files for the self-assessment, stored in the database.

use serde::Serialize;
use sqlx::{Any, Executor};

use super::DbError;

/// What is shown about a file; the content is only read when it is downloaded.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct EvidenceFile {
    pub id: i64,
    pub system_id: i64,
    pub requirement_id: String,
    pub file_name: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    pub uploaded_by: String,
    pub uploaded_at: crate::platform::clock::Stamp,
}

pub struct NewFile<'a> {
    pub file_name: &'a str,
    pub content_type: &'a str,
    pub content: &'a [u8],
}

macro_rules! cols {
    () => {
        "id, system_id, requirement_id, file_name, content_type, size, sha256, uploaded_by, uploaded_at"
    };
}

pub async fn for_requirement<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    system: i64,
    requirement: &str,
) -> Result<Vec<EvidenceFile>, DbError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        cols!(),
        " FROM evidence_files WHERE org_id = $1 AND system_id = $2 AND requirement_id = $3 ORDER BY id"
    ))
    .bind(org)
    .bind(system)
    .bind(requirement)
    .fetch_all(e)
    .await?)
}

/// How many files each requirement of a system has, for the overview.
pub async fn counts<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    system: i64,
) -> Result<Vec<(String, i64)>, DbError> {
    Ok(sqlx::query_as("SELECT requirement_id, COUNT(*) FROM evidence_files WHERE org_id = $1 AND system_id = $2 GROUP BY requirement_id")
        .bind(org)
        .bind(system)
        .fetch_all(e)
        .await?)
}

pub async fn get<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    id: i64,
) -> Result<Option<EvidenceFile>, DbError> {
    Ok(sqlx::query_as(concat!("SELECT ", cols!(), " FROM evidence_files WHERE org_id = $1 AND id = $2"))
        .bind(org)
        .bind(id)
        .fetch_optional(e)
        .await?)
}

pub async fn content<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, id: i64) -> Result<Option<Vec<u8>>, DbError> {
    let row: Option<(Vec<u8>,)> = sqlx::query_as("SELECT content FROM evidence_files WHERE org_id = $1 AND id = $2")
        .bind(org)
        .bind(id)
        .fetch_optional(e)
        .await?;
    Ok(row.map(|(c,)| c))
}

/// The file's SHA-256 as lower-case hex, kept beside it to show that it has not changed.
fn sha256_hex(content: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(content).iter().map(|b| format!("{b:02x}")).collect()
}

pub async fn insert<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    system: i64,
    requirement: &str,
    f: &NewFile<'_>,
    by: &str,
) -> Result<i64, DbError> {
    let hash = sha256_hex(f.content);
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO evidence_files (org_id, system_id, requirement_id, file_name, content_type, size, sha256, content, uploaded_by, uploaded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(org)
    .bind(system)
    .bind(requirement)
    .bind(f.file_name)
    .bind(f.content_type)
    .bind(f.content.len() as i64)
    .bind(hash)
    .bind(f.content)
    .bind(by)
    .bind(crate::platform::clock::stamp())
    .fetch_one(e)
    .await?;
    Ok(id)
}

pub async fn delete<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, id: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM evidence_files WHERE org_id = $1 AND id = $2").bind(org).bind(id).execute(e).await?;
    Ok(())
}

/// Every evidence file of a system (what is shown about each, not the content).
pub async fn for_system<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    system: i64,
) -> Result<Vec<EvidenceFile>, DbError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        cols!(),
        " FROM evidence_files WHERE org_id = $1 AND system_id = $2 ORDER BY requirement_id, id"
    ))
    .bind(org)
    .bind(system)
    .fetch_all(e)
    .await?)
}

/// Removes every evidence file of a system (with its self-assessment; see `assessments::delete_for_system`).
pub async fn delete_for_system<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    system: i64,
) -> Result<(), DbError> {
    sqlx::query("DELETE FROM evidence_files WHERE org_id = $1 AND system_id = $2")
        .bind(org)
        .bind(system)
        .execute(e)
        .await?;
    Ok(())
}

/// An evidence file of an answer in a framework assessment.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct FrameworkFile {
    pub id: i64,
    pub assessment_id: i64,
    pub node_id: String,
    pub file_name: String,
    pub content_type: String,
    pub size: i64,
    pub sha256: String,
    pub uploaded_by: String,
    pub uploaded_at: crate::platform::clock::Stamp,
}

macro_rules! framework_cols {
    () => {
        "id, assessment_id, node_id, file_name, content_type, size, sha256, uploaded_by, uploaded_at"
    };
}

/// Every evidence file of an assessment.
pub async fn for_assessment<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    assessment: i64,
) -> Result<Vec<FrameworkFile>, DbError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        framework_cols!(),
        " FROM framework_evidence WHERE org_id = $1 AND assessment_id = $2 ORDER BY id"
    ))
    .bind(org)
    .bind(assessment)
    .fetch_all(e)
    .await?)
}

pub async fn framework_file<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    id: i64,
) -> Result<Option<FrameworkFile>, DbError> {
    Ok(sqlx::query_as(concat!("SELECT ", framework_cols!(), " FROM framework_evidence WHERE org_id = $1 AND id = $2"))
        .bind(org)
        .bind(id)
        .fetch_optional(e)
        .await?)
}

pub async fn framework_content<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    id: i64,
) -> Result<Option<Vec<u8>>, DbError> {
    let row: Option<(Vec<u8>,)> =
        sqlx::query_as("SELECT content FROM framework_evidence WHERE org_id = $1 AND id = $2")
            .bind(org)
            .bind(id)
            .fetch_optional(e)
            .await?;
    Ok(row.map(|r| r.0))
}

pub async fn insert_framework_file<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    assessment: i64,
    node: &str,
    f: &NewFile<'_>,
    by: &str,
) -> Result<i64, DbError> {
    let hash = sha256_hex(f.content);
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO framework_evidence (org_id, assessment_id, node_id, file_name, content_type, size, sha256, content, uploaded_by, uploaded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id",
    )
    .bind(org)
    .bind(assessment)
    .bind(node)
    .bind(f.file_name)
    .bind(f.content_type)
    .bind(f.content.len() as i64)
    .bind(hash)
    .bind(f.content)
    .bind(by)
    .bind(crate::platform::clock::stamp())
    .fetch_one(e)
    .await?;
    Ok(id)
}

pub async fn delete_framework_file<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    id: i64,
) -> Result<(), DbError> {
    sqlx::query("DELETE FROM framework_evidence WHERE org_id = $1 AND id = $2").bind(org).bind(id).execute(e).await?;
    Ok(())
}
