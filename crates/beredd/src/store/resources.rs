//! Shared resources: the municipal network, identity, electricity, premises, staff…

use serde::Serialize;
use sqlx::{Any, Executor};

use super::{DbError, Referrer};

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Resource {
    pub id: i64,
    pub name: String,
    #[sqlx(try_from = "super::Code<beredd_domain::ResourceKind>")]
    pub kind: beredd_domain::ResourceKind,
    pub description: Option<String>,
    pub updated_at: crate::platform::clock::Stamp,
}

#[derive(Debug, Clone)]
pub struct ResourceInput {
    pub name: String,
    pub kind: beredd_domain::ResourceKind,
    pub description: Option<String>,
}

macro_rules! cols {
    () => {
        "id, name, kind, description, updated_at"
    };
}

pub async fn list<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<Resource>, DbError> {
    Ok(sqlx::query_as(concat!("SELECT ", cols!(), " FROM resources WHERE org_id = $1 ORDER BY name"))
        .bind(org)
        .fetch_all(e)
        .await?)
}

pub async fn get<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, id: i64) -> Result<Option<Resource>, DbError> {
    Ok(sqlx::query_as(concat!("SELECT ", cols!(), " FROM resources WHERE org_id = $1 AND id = $2"))
        .bind(org)
        .bind(id)
        .fetch_optional(e)
        .await?)
}

/// Binds the input's fields as $1–$3, in the order both statements below name them.
fn bind<'q>(q: super::IdQuery<'q>, r: &ResourceInput) -> super::IdQuery<'q> {
    q.bind(r.name.clone()).bind(r.kind.code()).bind(r.description.clone())
}

pub async fn insert(conn: &mut sqlx::AnyConnection, org: i64, r: &ResourceInput) -> Result<i64, DbError> {
    let q = sqlx::query_as(
        "INSERT INTO resources (name, kind, description, org_id, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
    );
    let (id,) = bind(q, r).bind(org).bind(crate::platform::clock::stamp()).fetch_one(&mut *conn).await?;
    super::versions::bump(&mut *conn, org).await?;
    Ok(id)
}

pub async fn update(conn: &mut sqlx::AnyConnection, org: i64, id: i64, r: &ResourceInput) -> Result<(), DbError> {
    let q = sqlx::query_as(
        "UPDATE resources SET name = $1, kind = $2, description = $3, updated_at = $4 WHERE org_id = $5 AND id = $6 RETURNING id",
    );
    bind(q, r).bind(crate::platform::clock::stamp()).bind(org).bind(id).fetch_optional(&mut *conn).await?;
    super::versions::bump(&mut *conn, org).await?;
    Ok(())
}

pub async fn delete(conn: &mut sqlx::AnyConnection, org: i64, id: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM resources WHERE org_id = $1 AND id = $2").bind(org).bind(id).execute(&mut *conn).await?;
    super::versions::bump(&mut *conn, org).await?;
    Ok(())
}

pub async fn referrers(db: &sqlx::AnyPool, org: i64, id: i64) -> Result<Vec<Referrer>, DbError> {
    super::dependencies::referrers(db, org, beredd_domain::NodeKind::Resource, id).await
}
