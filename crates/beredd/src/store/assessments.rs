//! The self-assessment of each system against its derived requirements.

use serde::Serialize;
use sqlx::{Any, Executor};

use super::DbError;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Assessment {
    pub system_id: i64,
    pub requirement_id: String,
    #[sqlx(try_from = "super::Code<beredd_domain::Fulfilment>")]
    pub status: beredd_domain::Fulfilment,
    pub how: Option<String>,
    pub not_applicable_reason: Option<String>,
    pub evidence_link: Option<String>,
    pub assessed_by: String,
    pub assessed_at: crate::platform::clock::Stamp,
    pub catalogue_version: String,
}

#[derive(Debug, Clone)]
pub struct AssessmentInput {
    pub status: beredd_domain::Fulfilment,
    pub how: Option<String>,
    pub not_applicable_reason: Option<String>,
    pub evidence_link: Option<String>,
}

macro_rules! cols {
    () => {
        "system_id, requirement_id, status, how, not_applicable_reason, evidence_link, assessed_by, assessed_at, catalogue_version"
    };
}

pub async fn for_system<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    system: i64,
) -> Result<Vec<Assessment>, DbError> {
    Ok(sqlx::query_as(concat!("SELECT ", cols!(), " FROM assessments WHERE org_id = $1 AND system_id = $2"))
        .bind(org)
        .bind(system)
        .fetch_all(e)
        .await?)
}

/// Every assessment of the organisation, for the overview.
pub async fn list<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<Assessment>, DbError> {
    Ok(sqlx::query_as(concat!("SELECT ", cols!(), " FROM assessments WHERE org_id = $1"))
        .bind(org)
        .fetch_all(e)
        .await?)
}

pub async fn get<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    system: i64,
    requirement: &str,
) -> Result<Option<Assessment>, DbError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        cols!(),
        " FROM assessments WHERE org_id = $1 AND system_id = $2 AND requirement_id = $3"
    ))
    .bind(org)
    .bind(system)
    .bind(requirement)
    .fetch_optional(e)
    .await?)
}

pub async fn save<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    system: i64,
    requirement: &str,
    a: &AssessmentInput,
    by: &str,
    catalogue_version: &str,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO assessments (org_id, system_id, requirement_id, status, how, not_applicable_reason, evidence_link, assessed_by, assessed_at, catalogue_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (system_id, requirement_id) DO UPDATE SET status = excluded.status, how = excluded.how,
         not_applicable_reason = excluded.not_applicable_reason, evidence_link = excluded.evidence_link,
         assessed_by = excluded.assessed_by, assessed_at = excluded.assessed_at, catalogue_version = excluded.catalogue_version",
    )
    .bind(org)
    .bind(system)
    .bind(requirement)
    .bind(a.status.code())
    .bind(a.how.clone())
    .bind(a.not_applicable_reason.clone())
    .bind(a.evidence_link.clone())
    .bind(by)
    .bind(crate::platform::clock::stamp())
    .bind(catalogue_version)
    .execute(e)
    .await?;
    Ok(())
}

/// Removes a system's whole self-assessment.
pub async fn delete_for_system<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    system: i64,
) -> Result<(), DbError> {
    sqlx::query("DELETE FROM assessments WHERE org_id = $1 AND system_id = $2")
        .bind(org)
        .bind(system)
        .execute(e)
        .await?;
    Ok(())
}
