//! Risk analyses and their risks.

use serde::Serialize;
use sqlx::{Any, Executor};

use super::DbError;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Analysis {
    pub id: i64,
    pub title: String,
    pub scope: String,
    pub held_on: String,
    pub participants: Option<String>,
    pub method: Option<String>,
    pub created_by: String,
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Risk {
    pub id: i64,
    pub analysis_id: i64,
    pub threat: String,
    pub vulnerability: Option<String>,
    pub consequence_text: Option<String>,
    pub likelihood: i64,
    pub consequence: i64,
    pub measures: Option<String>,
    pub residual_likelihood: i64,
    pub residual_consequence: i64,
    pub owner_id: Option<i64>,
    pub decision: String,
    pub decided_by: Option<String>,
    pub action_id: Option<i64>,
}

pub async fn analyses<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<Analysis>, DbError> {
    Ok(sqlx::query_as("SELECT id, title, scope, held_on, participants, method, created_by FROM risk_analyses WHERE org_id = $1 ORDER BY held_on DESC, id DESC").bind(org).fetch_all(e).await?)
}

pub async fn add_analysis<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, a: &Analysis) -> Result<i64, DbError> {
    let (id,): (i64,) = sqlx::query_as("INSERT INTO risk_analyses (org_id, title, scope, held_on, participants, method, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id")
        .bind(org)
        .bind(&a.title)
        .bind(&a.scope)
        .bind(&a.held_on)
        .bind(&a.participants)
        .bind(&a.method)
        .bind(&a.created_by)
        .bind(crate::db::now())
        .fetch_one(e)
        .await?;
    Ok(id)
}

macro_rules! cols {
    () => {
        "id, analysis_id, threat, vulnerability, consequence_text, likelihood, consequence, measures, residual_likelihood, residual_consequence, owner_id, decision, decided_by, action_id"
    };
}

pub async fn risks<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<Risk>, DbError> {
    Ok(sqlx::query_as(concat!("SELECT ", cols!(), " FROM risks WHERE org_id = $1 ORDER BY id")).bind(org).fetch_all(e).await?)
}

pub async fn add_risk<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, r: &Risk) -> Result<i64, DbError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO risks (org_id, analysis_id, threat, vulnerability, consequence_text, likelihood, consequence, measures, residual_likelihood, residual_consequence, owner_id, decision, decided_by, action_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id",
    )
    .bind(org)
    .bind(r.analysis_id)
    .bind(&r.threat)
    .bind(&r.vulnerability)
    .bind(&r.consequence_text)
    .bind(r.likelihood)
    .bind(r.consequence)
    .bind(&r.measures)
    .bind(r.residual_likelihood)
    .bind(r.residual_consequence)
    .bind(r.owner_id)
    .bind(&r.decision)
    .bind(&r.decided_by)
    .bind(r.action_id)
    .bind(crate::db::now())
    .fetch_one(e)
    .await?;
    Ok(id)
}
