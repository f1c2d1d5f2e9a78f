//! Suppliers of systems and services; their contacts are people with a supplier link.

use serde::Serialize;
use sqlx::{Any, Executor};

use super::{DbError, Referrer, id_names, referrers_from};

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Supplier {
    pub id: i64,
    pub name: String,
    pub org_number: Option<String>,
    pub contract_ref: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub notes: Option<String>,
    pub updated_at: crate::platform::clock::Stamp,
}

#[derive(Debug, Clone)]
pub struct SupplierInput {
    pub name: String,
    pub org_number: Option<String>,
    pub contract_ref: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub notes: Option<String>,
}

macro_rules! cols {
    () => {
        "id, name, org_number, contract_ref, phone, email, notes, updated_at"
    };
}

pub async fn list<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<Supplier>, DbError> {
    Ok(sqlx::query_as(concat!("SELECT ", cols!(), " FROM suppliers WHERE org_id = $1 ORDER BY name"))
        .bind(org)
        .fetch_all(e)
        .await?)
}

pub async fn get<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, id: i64) -> Result<Option<Supplier>, DbError> {
    Ok(sqlx::query_as(concat!("SELECT ", cols!(), " FROM suppliers WHERE org_id = $1 AND id = $2"))
        .bind(org)
        .bind(id)
        .fetch_optional(e)
        .await?)
}

/// Binds the input's fields as $1–$6, in the order both statements below name them.
fn bind<'q>(q: super::IdQuery<'q>, s: &SupplierInput) -> super::IdQuery<'q> {
    q.bind(s.name.clone())
        .bind(s.org_number.clone())
        .bind(s.contract_ref.clone())
        .bind(s.phone.clone())
        .bind(s.email.clone())
        .bind(s.notes.clone())
}

pub async fn insert(conn: &mut sqlx::AnyConnection, org: i64, s: &SupplierInput) -> Result<i64, DbError> {
    let q = sqlx::query_as(
        "INSERT INTO suppliers (name, org_number, contract_ref, phone, email, notes, org_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
    );
    let (id,) = bind(q, s).bind(org).bind(crate::platform::clock::stamp()).fetch_one(&mut *conn).await?;
    super::versions::bump(&mut *conn, org).await?;
    Ok(id)
}

pub async fn update(conn: &mut sqlx::AnyConnection, org: i64, id: i64, s: &SupplierInput) -> Result<(), DbError> {
    let q = sqlx::query_as(
        "UPDATE suppliers SET name = $1, org_number = $2, contract_ref = $3, phone = $4, email = $5, notes = $6, updated_at = $7
         WHERE org_id = $8 AND id = $9 RETURNING id",
    );
    bind(q, s).bind(crate::platform::clock::stamp()).bind(org).bind(id).fetch_optional(&mut *conn).await?;
    super::versions::bump(&mut *conn, org).await?;
    Ok(())
}

pub async fn delete(conn: &mut sqlx::AnyConnection, org: i64, id: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM suppliers WHERE org_id = $1 AND id = $2").bind(org).bind(id).execute(&mut *conn).await?;
    super::versions::bump(&mut *conn, org).await?;
    Ok(())
}

/// Systems delivered by this supplier and people who work there.
pub async fn referrers(db: &sqlx::AnyPool, org: i64, id: i64) -> Result<Vec<Referrer>, DbError> {
    let mut out = referrers_from(
        id_names(db, "SELECT id, name FROM systems WHERE org_id = $1 AND supplier_id = $2 ORDER BY name", org, id)
            .await?,
        "ref-system",
        "systems",
    );
    out.extend(referrers_from(
        id_names(db, "SELECT id, name FROM people WHERE org_id = $1 AND supplier_id = $2 ORDER BY name", org, id)
            .await?,
        "ref-person",
        "people",
    ));
    out.extend(super::dependencies::referrers(db, org, beredd_domain::NodeKind::Supplier, id).await?);
    Ok(out)
}
