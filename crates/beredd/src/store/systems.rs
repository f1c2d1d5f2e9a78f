//! Systems and services, including welfare technology, and the units that use them.

use beredd_domain::{Hosting, ResourceKind, SystemKind};
use serde::Serialize;
use sqlx::AnyConnection;

use super::{DbError, Referrer};

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct System {
    pub id: i64,
    pub name: String,
    pub purpose: Option<String>,
    #[sqlx(try_from = "super::Code<SystemKind>")]
    pub kind: SystemKind,
    pub owner_id: Option<i64>,
    pub supplier_id: Option<i64>,
    #[sqlx(try_from = "super::Code<Hosting>")]
    pub hosting: Hosting,
    pub notes: Option<String>,
    /// The shared resource this system provides, if any.
    #[sqlx(try_from = "super::OptionalCode<ResourceKind>")]
    pub provides: Option<ResourceKind>,
    /// The system's id in the IT department's own list: what an import matches on.
    pub code: Option<String>,
    pub updated_at: crate::platform::clock::Stamp,
    /// Filled from `system_units`, not a column.
    #[sqlx(skip)]
    pub unit_ids: Vec<i64>,
}

#[derive(Debug, Clone)]
pub struct SystemInput {
    pub name: String,
    pub purpose: Option<String>,
    pub kind: beredd_domain::SystemKind,
    pub owner_id: Option<i64>,
    pub supplier_id: Option<i64>,
    pub hosting: beredd_domain::Hosting,
    pub notes: Option<String>,
    pub provides: Option<beredd_domain::ResourceKind>,
    pub code: Option<String>,
    pub unit_ids: Vec<i64>,
}

macro_rules! cols {
    () => {
        "id, name, purpose, kind, owner_id, supplier_id, hosting, notes, provides, code, updated_at"
    };
}

pub async fn list(db: &sqlx::AnyPool, org: i64) -> Result<Vec<System>, DbError> {
    list_in(&mut *db.acquire().await?, org).await
}

/// The same on one connection (inside a transaction).
pub async fn list_in(db: &mut AnyConnection, org: i64) -> Result<Vec<System>, DbError> {
    let mut systems: Vec<System> =
        sqlx::query_as(concat!("SELECT ", cols!(), " FROM systems WHERE org_id = $1 ORDER BY name"))
            .bind(org)
            .fetch_all(&mut *db)
            .await?;
    let links: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT su.system_id, su.unit_id FROM system_units su JOIN systems s ON s.id = su.system_id WHERE s.org_id = $1",
    )
    .bind(org)
    .fetch_all(&mut *db)
    .await?;
    let mut by_system: std::collections::HashMap<i64, Vec<i64>> = std::collections::HashMap::new();
    for (s, u) in links {
        by_system.entry(s).or_default().push(u);
    }
    for s in &mut systems {
        s.unit_ids = by_system.remove(&s.id).unwrap_or_default();
    }
    Ok(systems)
}

pub async fn get(conn: &mut AnyConnection, org: i64, id: i64) -> Result<Option<System>, DbError> {
    let system: Option<System> =
        sqlx::query_as(concat!("SELECT ", cols!(), " FROM systems WHERE org_id = $1 AND id = $2"))
            .bind(org)
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    let Some(mut system) = system else { return Ok(None) };
    let units: Vec<(i64,)> = sqlx::query_as("SELECT unit_id FROM system_units WHERE system_id = $1 ORDER BY unit_id")
        .bind(id)
        .fetch_all(&mut *conn)
        .await?;
    system.unit_ids = units.into_iter().map(|u| u.0).collect();
    Ok(Some(system))
}

async fn set_units(conn: &mut AnyConnection, id: i64, units: &[i64]) -> Result<(), DbError> {
    super::replace_links(
        conn,
        "DELETE FROM system_units WHERE system_id = $1",
        "INSERT INTO system_units (system_id, unit_id) VALUES ($1, $2)",
        id,
        units,
    )
    .await
}

/// Binds the input's fields as $1–$9, in the order both statements below name them.
fn bind<'q>(q: super::IdQuery<'q>, s: &SystemInput) -> super::IdQuery<'q> {
    q.bind(s.name.clone())
        .bind(s.purpose.clone())
        .bind(s.kind.code())
        .bind(s.owner_id)
        .bind(s.supplier_id)
        .bind(s.hosting.code())
        .bind(s.notes.clone())
        .bind(s.provides.map(|p| p.code()))
        .bind(s.code.clone())
}

pub async fn insert(conn: &mut AnyConnection, org: i64, s: &SystemInput) -> Result<i64, DbError> {
    let q = sqlx::query_as(
        "INSERT INTO systems (name, purpose, kind, owner_id, supplier_id, hosting, notes, provides, code, org_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id",
    );
    let (id,) = bind(q, s).bind(org).bind(crate::platform::clock::stamp()).fetch_one(&mut *conn).await?;
    set_units(conn, id, &s.unit_ids).await?;
    super::versions::bump(&mut *conn, org).await?;
    Ok(id)
}

pub async fn update(conn: &mut AnyConnection, org: i64, id: i64, s: &SystemInput) -> Result<(), DbError> {
    let q = sqlx::query_as(
        "UPDATE systems SET name = $1, purpose = $2, kind = $3, owner_id = $4, supplier_id = $5, hosting = $6, notes = $7,
         provides = $8, code = $9, updated_at = $10 WHERE org_id = $11 AND id = $12 RETURNING id",
    );
    // Only a system of this organisation gets its unit links replaced.
    if bind(q, s).bind(crate::platform::clock::stamp()).bind(org).bind(id).fetch_optional(&mut *conn).await?.is_some() {
        set_units(conn, id, &s.unit_ids).await?;
    }
    super::versions::bump(&mut *conn, org).await?;
    Ok(())
}

pub async fn delete(conn: &mut AnyConnection, org: i64, id: i64) -> Result<(), DbError> {
    sqlx::query(
        "DELETE FROM system_units WHERE system_id = $1 AND system_id IN (SELECT id FROM systems WHERE org_id = $2)",
    )
    .bind(id)
    .bind(org)
    .execute(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM systems WHERE org_id = $1 AND id = $2").bind(org).bind(id).execute(&mut *conn).await?;
    super::versions::bump(&mut *conn, org).await?;
    Ok(())
}

/// The dependency edges and assets that name this system, incidents whose recovery has
/// something to enter in it, its self-assessment and each of its evidence files. Deleting the
/// system would take the last two with it, so they too keep it (security review F10): the
/// self-assessment is removed on its own page first, where the audit trail keeps each file's
/// name, size and SHA-256.
pub async fn referrers(db: &sqlx::AnyPool, org: i64, id: i64) -> Result<Vec<Referrer>, DbError> {
    let mut out = super::dependencies::referrers(db, org, beredd_domain::NodeKind::System, id).await?;
    let sql = "SELECT a.id, a.name FROM assets a JOIN asset_systems l ON l.asset_id = a.id WHERE a.org_id = $1 AND l.system_id = $2 ORDER BY a.name";
    out.extend(super::referrers_from(super::id_names(db, sql, org, id).await?, "ref-asset", "assets"));
    let sql = "SELECT DISTINCT i.id, i.title FROM incidents i JOIN backlog_items b ON b.incident_id = i.id WHERE i.org_id = $1 AND b.system_id = $2 ORDER BY i.id";
    out.extend(super::referrers_at(super::id_names(db, sql, org, id).await?, "ref-recovery", |i| {
        format!("/incidents/{i}/recovery")
    }));
    let assessed: Vec<(String,)> = sqlx::query_as(
        "SELECT requirement_id FROM assessments WHERE org_id = $1 AND system_id = $2 ORDER BY requirement_id",
    )
    .bind(org)
    .bind(id)
    .fetch_all(db)
    .await?;
    if !assessed.is_empty() {
        let mut name: Vec<String> = assessed.iter().take(12).map(|(r,)| r.clone()).collect();
        if assessed.len() > 12 {
            name.push(format!("… ({})", assessed.len()));
        }
        out.push(Referrer {
            kind: "ref-self-assessment",
            name: name.join(", "),
            href: format!("/systems/{id}/assessment#remove"),
        });
    }
    out.extend(super::risks::scope_referrers(db, org, "system", id).await?);
    for f in super::evidence::for_system(db, org, id).await? {
        out.push(Referrer {
            kind: "ref-evidence-file",
            name: format!("{}: {}", f.requirement_id, f.file_name),
            href: format!("/systems/{id}/assessment/{}", f.requirement_id),
        });
    }
    Ok(out)
}
