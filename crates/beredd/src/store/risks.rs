//! Risk analyses and their risks.

use serde::Serialize;
use sqlx::{Any, Executor};

use super::{DbError, Referrer};
use crate::platform::clock::Day;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Analysis {
    pub id: i64,
    pub title: String,
    pub scope: String,
    pub held_on: Day,
    pub participants: Option<String>,
    pub method: Option<String>,
    pub created_by: String,
    /// What the analysis covers (None before migration 23).
    #[sqlx(try_from = "super::OptionalCode<beredd_domain::RiskScope>")]
    pub scope_kind: Option<beredd_domain::RiskScope>,
    /// The unit, system or activity it covers (stored in the column of that kind, with its key).
    pub scope_id: Option<i64>,
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
    #[sqlx(try_from = "super::Code<beredd_domain::risk::RiskDecision>")]
    pub decision: beredd_domain::risk::RiskDecision,
    pub decided_by: Option<String>,
    pub action_id: Option<i64>,
}

pub async fn analyses<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<Analysis>, DbError> {
    Ok(sqlx::query_as("SELECT id, title, scope, held_on, participants, method, created_by, scope_kind, COALESCE(scope_unit_id, scope_system_id, scope_activity_id) AS scope_id FROM risk_analyses WHERE org_id = $1 ORDER BY held_on DESC, id DESC").bind(org).fetch_all(e).await?)
}

pub async fn add_analysis<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, a: &Analysis) -> Result<i64, DbError> {
    let (id,): (i64,) = sqlx::query_as("INSERT INTO risk_analyses (org_id, title, scope, held_on, participants, method, created_by, created_at, scope_kind, scope_unit_id, scope_system_id, scope_activity_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CASE WHEN $9 = 'unit' THEN $10 END, CASE WHEN $9 = 'system' THEN $10 END, CASE WHEN $9 = 'activity' THEN $10 END) RETURNING id")
        .bind(org)
        .bind(&a.title)
        .bind(&a.scope)
        .bind(a.held_on)
        .bind(&a.participants)
        .bind(&a.method)
        .bind(&a.created_by)
        .bind(crate::platform::clock::stamp())
        .bind(a.scope_kind.map(|k| k.code()))
        .bind(a.scope_id)
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
    Ok(sqlx::query_as(concat!("SELECT ", cols!(), " FROM risks WHERE org_id = $1 ORDER BY id"))
        .bind(org)
        .fetch_all(e)
        .await?)
}

/// A risk's place after the existing measures: what the start page's top risks need, without
/// the rest of the assessment.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Residual {
    pub analysis_id: i64,
    pub threat: String,
    pub likelihood: i64,
    pub consequence: i64,
}

/// Every risk's residual likelihood and consequence, with its threat and analysis.
pub async fn residuals<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<Residual>, DbError> {
    Ok(sqlx::query_as(
        "SELECT analysis_id, threat, residual_likelihood AS likelihood, residual_consequence AS consequence
         FROM risks WHERE org_id = $1 ORDER BY id",
    )
    .bind(org)
    .fetch_all(e)
    .await?)
}

/// Binds a risk's assessment as $1–$12, in the order both statements below name them.
fn bind<'q>(q: super::IdQuery<'q>, r: &Risk) -> super::IdQuery<'q> {
    q.bind(r.threat.clone())
        .bind(r.vulnerability.clone())
        .bind(r.consequence_text.clone())
        .bind(r.likelihood)
        .bind(r.consequence)
        .bind(r.measures.clone())
        .bind(r.residual_likelihood)
        .bind(r.residual_consequence)
        .bind(r.owner_id)
        .bind(r.decision.code())
        .bind(r.decided_by.clone())
        .bind(r.action_id)
}

pub async fn add_risk<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, r: &Risk) -> Result<i64, DbError> {
    let q = sqlx::query_as(
        "INSERT INTO risks (threat, vulnerability, consequence_text, likelihood, consequence, measures, residual_likelihood, residual_consequence, owner_id, decision, decided_by, action_id, org_id, analysis_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id",
    );
    let (id,) = bind(q, r).bind(org).bind(r.analysis_id).bind(crate::platform::clock::stamp()).fetch_one(e).await?;
    Ok(id)
}

/// Changes a risk's assessment (not its analysis).
pub async fn update_risk<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, r: &Risk) -> Result<(), DbError> {
    let q = sqlx::query_as(
        "UPDATE risks SET threat = $1, vulnerability = $2, consequence_text = $3, likelihood = $4, consequence = $5, measures = $6, residual_likelihood = $7,
         residual_consequence = $8, owner_id = $9, decision = $10, decided_by = $11, action_id = $12 WHERE org_id = $13 AND id = $14 RETURNING id",
    );
    bind(q, r).bind(org).bind(r.id).fetch_optional(e).await?;
    Ok(())
}

/// (risk id, asset id) for every asset a risk of the organisation touches.
pub async fn risk_assets<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<(i64, i64)>, DbError> {
    Ok(sqlx::query_as("SELECT ra.risk_id, ra.asset_id FROM risk_assets ra JOIN risks r ON r.id = ra.risk_id WHERE r.org_id = $1 ORDER BY ra.risk_id, ra.asset_id").bind(org).fetch_all(e).await?)
}

pub async fn set_assets(conn: &mut sqlx::AnyConnection, risk: i64, assets: &[i64]) -> Result<(), DbError> {
    sqlx::query("DELETE FROM risk_assets WHERE risk_id = $1").bind(risk).execute(&mut *conn).await?;
    for a in assets {
        sqlx::query("INSERT INTO risk_assets (risk_id, asset_id) VALUES ($1, $2)")
            .bind(risk)
            .bind(a)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct ScaleRow {
    #[sqlx(try_from = "super::Code<beredd_domain::risk::Axis>")]
    pub kind: beredd_domain::risk::Axis,
    pub step: i64,
    pub label: String,
    pub description: Option<String>,
}

/// The organisation's own scales; empty when it uses the default.
pub async fn scales<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<ScaleRow>, DbError> {
    Ok(sqlx::query_as("SELECT kind, step, label, description FROM risk_scales WHERE org_id = $1 ORDER BY kind, step")
        .bind(org)
        .fetch_all(e)
        .await?)
}

pub async fn set_scale(
    conn: &mut sqlx::AnyConnection,
    org: i64,
    kind: beredd_domain::risk::Axis,
    steps: &[beredd_domain::risk::ScaleStep],
) -> Result<(), DbError> {
    sqlx::query("DELETE FROM risk_scales WHERE org_id = $1 AND kind = $2")
        .bind(org)
        .bind(kind.code())
        .execute(&mut *conn)
        .await?;
    for (i, s) in steps.iter().enumerate() {
        sqlx::query("INSERT INTO risk_scales (org_id, kind, step, label, description) VALUES ($1, $2, $3, $4, $5)")
            .bind(org)
            .bind(kind.code())
            .bind(i as i64 + 1)
            .bind(&s.label)
            .bind(&s.description)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

pub async fn delete_risk<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, id: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM risks WHERE org_id = $1 AND id = $2").bind(org).bind(id).execute(e).await?;
    Ok(())
}

/// Removes an analysis with its risks (their assets go with them).
pub async fn delete_analysis(conn: &mut sqlx::AnyConnection, org: i64, id: i64) -> Result<(), DbError> {
    sqlx::query(
        "DELETE FROM risk_assets WHERE risk_id IN (SELECT id FROM risks WHERE org_id = $1 AND analysis_id = $2)",
    )
    .bind(org)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM risks WHERE org_id = $1 AND analysis_id = $2")
        .bind(org)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM risk_analyses WHERE org_id = $1 AND id = $2")
        .bind(org)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub async fn update_analysis<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, a: &Analysis) -> Result<(), DbError> {
    sqlx::query("UPDATE risk_analyses SET title = $1, scope = $2, held_on = $3, participants = $4, method = $5, scope_kind = $6, scope_unit_id = CASE WHEN $6 = 'unit' THEN $7 END, scope_system_id = CASE WHEN $6 = 'system' THEN $7 END, scope_activity_id = CASE WHEN $6 = 'activity' THEN $7 END WHERE org_id = $8 AND id = $9")
        .bind(&a.title)
        .bind(&a.scope)
        .bind(a.held_on)
        .bind(&a.participants)
        .bind(&a.method)
        .bind(a.scope_kind.map(|k| k.code()))
        .bind(a.scope_id)
        .bind(org)
        .bind(a.id)
        .execute(e)
        .await?;
    Ok(())
}

/// The analyses that cover the unit, system or activity `id` (`kind` is "unit", "system" or
/// "activity"): deleting it is refused while one does, like anything else that points at it (the
/// key's ON DELETE SET NULL is only the net).
pub async fn scope_referrers(db: &sqlx::AnyPool, org: i64, kind: &str, id: i64) -> Result<Vec<Referrer>, DbError> {
    let sql = match kind {
        "unit" => "SELECT id, title FROM risk_analyses WHERE org_id = $1 AND scope_unit_id = $2 ORDER BY title",
        "system" => "SELECT id, title FROM risk_analyses WHERE org_id = $1 AND scope_system_id = $2 ORDER BY title",
        "activity" => "SELECT id, title FROM risk_analyses WHERE org_id = $1 AND scope_activity_id = $2 ORDER BY title",
        _ => return Ok(Vec::new()),
    };
    let rows = super::id_names(db, sql, org, id).await?;
    Ok(super::referrers_at(rows, "ref-risk-analysis", |a| format!("/risks/analyses/{a}")))
}
