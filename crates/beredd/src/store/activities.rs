//! Activities (verksamhetsprocesser) per unit, with their criticality.

use serde::Serialize;
use sqlx::{Any, Executor};

use super::{DbError, Referrer};

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Activity {
    pub id: i64,
    pub unit_id: i64,
    pub name: String,
    pub description: Option<String>,
    pub recipients: Option<String>,
    #[sqlx(try_from = "super::Code<beredd_domain::Criticality>")]
    pub criticality: beredd_domain::Criticality,
    /// Samhällsviktig verksamhet in MSB's sense: its loss could cause a serious crisis in society,
    /// or it is needed to manage one. Separate from how soon it must work again.
    #[sqlx(try_from = "i64")]
    pub society_critical: super::Flag,
    pub updated_at: crate::platform::clock::Stamp,
    /// Its business impact analysis, loaded with it so that the audit trail keeps it when the
    /// activity (and with it the analysis) is deleted.
    #[sqlx(skip)]
    pub bia: Option<super::bia::Bia>,
}

#[derive(Debug, Clone)]
pub struct ActivityInput {
    pub unit_id: i64,
    pub name: String,
    pub description: Option<String>,
    pub recipients: Option<String>,
    pub criticality: beredd_domain::Criticality,
    pub society_critical: bool,
}

macro_rules! cols {
    () => {
        "id, unit_id, name, description, recipients, criticality, society_critical, updated_at"
    };
}

pub async fn list<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<Activity>, DbError> {
    Ok(sqlx::query_as(concat!("SELECT ", cols!(), " FROM activities WHERE org_id = $1 ORDER BY name"))
        .bind(org)
        .fetch_all(e)
        .await?)
}

pub async fn get(conn: &mut sqlx::AnyConnection, org: i64, id: i64) -> Result<Option<Activity>, DbError> {
    let activity: Option<Activity> =
        sqlx::query_as(concat!("SELECT ", cols!(), " FROM activities WHERE org_id = $1 AND id = $2"))
            .bind(org)
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    let Some(mut activity) = activity else { return Ok(None) };
    activity.bia = super::bia::get(&mut *conn, org, id).await?;
    Ok(Some(activity))
}

/// Binds the input's fields as $1–$6, in the order both statements below name them.
fn bind<'q>(q: super::IdQuery<'q>, a: &ActivityInput) -> super::IdQuery<'q> {
    q.bind(a.unit_id)
        .bind(a.name.clone())
        .bind(a.description.clone())
        .bind(a.recipients.clone())
        .bind(a.criticality.code())
        .bind(super::flag(a.society_critical))
}

pub async fn insert(conn: &mut sqlx::AnyConnection, org: i64, a: &ActivityInput) -> Result<i64, DbError> {
    let q = sqlx::query_as(
        "INSERT INTO activities (unit_id, name, description, recipients, criticality, society_critical, org_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
    );
    let (id,) = bind(q, a).bind(org).bind(crate::platform::clock::stamp()).fetch_one(&mut *conn).await?;
    super::versions::bump(&mut *conn, org).await?;
    Ok(id)
}

pub async fn update(conn: &mut sqlx::AnyConnection, org: i64, id: i64, a: &ActivityInput) -> Result<(), DbError> {
    let q = sqlx::query_as(
        "UPDATE activities SET unit_id = $1, name = $2, description = $3, recipients = $4, criticality = $5,
         society_critical = $6, updated_at = $7 WHERE org_id = $8 AND id = $9 RETURNING id",
    );
    bind(q, a).bind(crate::platform::clock::stamp()).bind(org).bind(id).fetch_optional(&mut *conn).await?;
    super::versions::bump(&mut *conn, org).await?;
    Ok(())
}

pub async fn delete(conn: &mut sqlx::AnyConnection, org: i64, id: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM activities WHERE org_id = $1 AND id = $2").bind(org).bind(id).execute(&mut *conn).await?;
    super::versions::bump(&mut *conn, org).await?;
    Ok(())
}

/// The dependency edges that name this activity.
pub async fn referrers(db: &sqlx::AnyPool, org: i64, id: i64) -> Result<Vec<Referrer>, DbError> {
    let mut out = super::dependencies::referrers(db, org, beredd_domain::NodeKind::Activity, id).await?;
    out.extend(super::risks::scope_referrers(db, org, "activity", id).await?);
    Ok(out)
}
