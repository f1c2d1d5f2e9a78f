//! Units (organisatoriska enheter) as a tree.

use serde::Serialize;
use sqlx::{Any, Executor};

use super::{DbError, Referrer, id_names, referrers_at, referrers_from};

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Unit {
    pub id: i64,
    pub parent_id: Option<i64>,
    #[sqlx(try_from = "super::Code<beredd_domain::UnitKind>")]
    pub kind: beredd_domain::UnitKind,
    pub name: String,
    pub manager_id: Option<i64>,
    pub address: Option<String>,
    pub staff_count: Option<i64>,
    #[sqlx(try_from = "i64")]
    pub around_the_clock: super::Flag,
    pub description: Option<String>,
    /// The unit's code in the organisation chart or the ledger: what an import matches on.
    pub code: Option<String>,
    pub updated_at: crate::platform::clock::Stamp,
}

#[derive(Debug, Clone)]
pub struct UnitInput {
    pub parent_id: Option<i64>,
    pub kind: beredd_domain::UnitKind,
    pub name: String,
    pub manager_id: Option<i64>,
    pub address: Option<String>,
    pub staff_count: Option<i64>,
    pub around_the_clock: bool,
    pub description: Option<String>,
    pub code: Option<String>,
}

macro_rules! cols {
    () => {
        "id, parent_id, kind, name, manager_id, address, staff_count, around_the_clock, description, code, updated_at"
    };
}

pub async fn list<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<Unit>, DbError> {
    Ok(sqlx::query_as(concat!("SELECT ", cols!(), " FROM units WHERE org_id = $1 ORDER BY name"))
        .bind(org)
        .fetch_all(e)
        .await?)
}

pub async fn get<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, id: i64) -> Result<Option<Unit>, DbError> {
    Ok(sqlx::query_as(concat!("SELECT ", cols!(), " FROM units WHERE org_id = $1 AND id = $2"))
        .bind(org)
        .bind(id)
        .fetch_optional(e)
        .await?)
}

/// Binds the input's fields as $1–$9, in the order both statements below name them.
fn bind<'q>(q: super::IdQuery<'q>, u: &UnitInput) -> super::IdQuery<'q> {
    q.bind(u.parent_id)
        .bind(u.kind.code())
        .bind(u.name.clone())
        .bind(u.manager_id)
        .bind(u.address.clone())
        .bind(u.staff_count)
        .bind(super::flag(u.around_the_clock))
        .bind(u.description.clone())
        .bind(u.code.clone())
}

pub async fn insert(conn: &mut sqlx::AnyConnection, org: i64, u: &UnitInput) -> Result<i64, DbError> {
    let q = sqlx::query_as(
        "INSERT INTO units (parent_id, kind, name, manager_id, address, staff_count, around_the_clock, description, code, org_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id",
    );
    let (id,) = bind(q, u).bind(org).bind(crate::platform::clock::stamp()).fetch_one(&mut *conn).await?;
    super::versions::bump(&mut *conn, org).await?;
    Ok(id)
}

pub async fn update(conn: &mut sqlx::AnyConnection, org: i64, id: i64, u: &UnitInput) -> Result<(), DbError> {
    let q = sqlx::query_as(
        "UPDATE units SET parent_id = $1, kind = $2, name = $3, manager_id = $4, address = $5, staff_count = $6,
         around_the_clock = $7, description = $8, code = $9, updated_at = $10 WHERE org_id = $11 AND id = $12 RETURNING id",
    );
    bind(q, u).bind(crate::platform::clock::stamp()).bind(org).bind(id).fetch_optional(&mut *conn).await?;
    super::versions::bump(&mut *conn, org).await?;
    Ok(())
}

pub async fn delete(conn: &mut sqlx::AnyConnection, org: i64, id: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM units WHERE org_id = $1 AND id = $2").bind(org).bind(id).execute(&mut *conn).await?;
    super::versions::bump(&mut *conn, org).await?;
    Ok(())
}

/// Everything that points to this unit: sub-units, activities, people, systems that use it, users,
/// assets, actions, plans, incidents, recurring work in the yearly cycle and what an incident's
/// recovery has to enter for it.
pub async fn referrers(db: &sqlx::AnyPool, org: i64, id: i64) -> Result<Vec<Referrer>, DbError> {
    let mut out = referrers_from(
        id_names(db, "SELECT id, name FROM units WHERE org_id = $1 AND parent_id = $2 ORDER BY name", org, id).await?,
        "ref-unit",
        "units",
    );
    out.extend(referrers_from(
        id_names(db, "SELECT id, name FROM activities WHERE org_id = $1 AND unit_id = $2 ORDER BY name", org, id)
            .await?,
        "ref-activity",
        "activities",
    ));
    out.extend(referrers_from(
        id_names(db, "SELECT id, name FROM people WHERE org_id = $1 AND unit_id = $2 ORDER BY name", org, id).await?,
        "ref-person",
        "people",
    ));
    out.extend(referrers_from(
        id_names(db, "SELECT s.id, s.name FROM systems s JOIN system_units su ON su.system_id = s.id WHERE s.org_id = $1 AND su.unit_id = $2 ORDER BY s.name", org, id).await?,
        "ref-system",
        "systems",
    ));
    out.extend(referrers_from(
        id_names(db, "SELECT u.id, u.username FROM users u JOIN user_units g ON g.user_id = u.id WHERE u.org_id = $1 AND g.unit_id = $2 ORDER BY u.username", org, id).await?,
        "ref-user",
        "users",
    ));
    out.extend(referrers_from(
        id_names(db, "SELECT a.id, a.name FROM assets a JOIN asset_units l ON l.asset_id = a.id WHERE a.org_id = $1 AND l.unit_id = $2 ORDER BY a.name", org, id).await?,
        "ref-asset",
        "assets",
    ));
    out.extend(referrers_from(
        id_names(db, "SELECT id, title FROM actions WHERE org_id = $1 AND unit_id = $2 ORDER BY id", org, id).await?,
        "ref-action",
        "actions",
    ));
    out.extend(referrers_from(
        id_names(db, "SELECT p.id, p.name FROM plans p JOIN plan_units l ON l.plan_id = p.id WHERE p.org_id = $1 AND l.unit_id = $2 ORDER BY p.name", org, id).await?,
        "ref-plan",
        "plans",
    ));
    out.extend(referrers_from(
        id_names(db, "SELECT i.id, i.title FROM incidents i JOIN incident_units l ON l.incident_id = i.id WHERE i.org_id = $1 AND l.unit_id = $2 ORDER BY i.id", org, id).await?,
        "ref-incident",
        "incidents",
    ));
    let sql = "SELECT id, title FROM cycle_items WHERE org_id = $1 AND unit_id = $2 ORDER BY title";
    out.extend(referrers_at(id_names(db, sql, org, id).await?, "ref-cycle-item", |_| "/cycle".into()));
    let sql = "SELECT DISTINCT i.id, i.title FROM incidents i JOIN backlog_items b ON b.incident_id = i.id WHERE i.org_id = $1 AND b.unit_id = $2 ORDER BY i.id";
    out.extend(referrers_at(id_names(db, sql, org, id).await?, "ref-recovery", |i| format!("/incidents/{i}/recovery")));
    out.extend(super::risks::scope_referrers(db, org, "unit", id).await?);
    Ok(out)
}
