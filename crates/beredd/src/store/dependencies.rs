//! Dependency edges: an activity or system depends on a system, supplier or resource.

use serde::Serialize;
use sqlx::{Any, Executor};

use super::{DbError, Referrer};
use beredd_domain::NodeKind;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Dependency {
    pub id: i64,
    #[sqlx(try_from = "super::Code<NodeKind>")]
    pub from_kind: NodeKind,
    pub from_id: i64,
    #[sqlx(try_from = "super::Code<NodeKind>")]
    pub to_kind: NodeKind,
    pub to_id: i64,
    #[sqlx(try_from = "super::Code<beredd_domain::NeedKind>")]
    pub need: beredd_domain::NeedKind,
    pub fallback: Option<String>,
    pub notes: Option<String>,
    pub updated_at: crate::platform::clock::Stamp,
    /// "From → to", filled from the names of both ends after loading.
    #[sqlx(skip)]
    pub label: String,
}

#[derive(Debug, Clone)]
pub struct DependencyInput {
    pub from: (NodeKind, i64),
    pub to: (NodeKind, i64),
    pub need: beredd_domain::NeedKind,
    pub fallback: Option<String>,
    pub notes: Option<String>,
}

macro_rules! cols {
    () => {
        "id, from_kind, from_id, to_kind, to_id, need, fallback, notes, updated_at"
    };
}

pub async fn list<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<Dependency>, DbError> {
    Ok(sqlx::query_as(concat!("SELECT ", cols!(), " FROM dependencies WHERE org_id = $1 ORDER BY id"))
        .bind(org)
        .fetch_all(e)
        .await?)
}

pub async fn get<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, id: i64) -> Result<Option<Dependency>, DbError> {
    Ok(sqlx::query_as(concat!("SELECT ", cols!(), " FROM dependencies WHERE org_id = $1 AND id = $2"))
        .bind(org)
        .bind(id)
        .fetch_optional(e)
        .await?)
}

/// Binds the input's fields as $1–$7, in the order both statements below name them.
fn bind<'q>(q: super::IdQuery<'q>, d: &DependencyInput) -> super::IdQuery<'q> {
    q.bind(d.from.0.code())
        .bind(d.from.1)
        .bind(d.to.0.code())
        .bind(d.to.1)
        .bind(d.need.code())
        .bind(d.fallback.clone())
        .bind(d.notes.clone())
}

pub async fn insert(conn: &mut sqlx::AnyConnection, org: i64, d: &DependencyInput) -> Result<i64, DbError> {
    let q = sqlx::query_as(
        "INSERT INTO dependencies (from_kind, from_id, to_kind, to_id, need, fallback, notes, org_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id",
    );
    let (id,) = bind(q, d).bind(org).bind(crate::platform::clock::stamp()).fetch_one(&mut *conn).await?;
    super::versions::bump(&mut *conn, org).await?;
    Ok(id)
}

pub async fn update(conn: &mut sqlx::AnyConnection, org: i64, id: i64, d: &DependencyInput) -> Result<(), DbError> {
    let q = sqlx::query_as(
        "UPDATE dependencies SET from_kind = $1, from_id = $2, to_kind = $3, to_id = $4, need = $5, fallback = $6, notes = $7,
         updated_at = $8 WHERE org_id = $9 AND id = $10 RETURNING id",
    );
    bind(q, d).bind(crate::platform::clock::stamp()).bind(org).bind(id).fetch_optional(&mut *conn).await?;
    super::versions::bump(&mut *conn, org).await?;
    Ok(())
}

pub async fn delete(conn: &mut sqlx::AnyConnection, org: i64, id: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM dependencies WHERE org_id = $1 AND id = $2")
        .bind(org)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    super::versions::bump(&mut *conn, org).await?;
    Ok(())
}

/// The edges that name a node, as referrers that keep it from being deleted.
pub async fn referrers(db: &sqlx::AnyPool, org: i64, kind: NodeKind, id: i64) -> Result<Vec<Referrer>, DbError> {
    let rows: Vec<(i64,)> = sqlx::query_as(
        "SELECT id FROM dependencies WHERE org_id = $1 AND ((from_kind = $2 AND from_id = $3) OR (to_kind = $2 AND to_id = $3)) ORDER BY id",
    )
    .bind(org)
    .bind(kind.code())
    .bind(id)
    .fetch_all(db)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(d,)| Referrer { kind: "ref-dependency", name: format!("#{d}"), href: format!("/dependencies/{d}") })
        .collect())
}

/// The names of everything an edge can name, to show edges and check their ends.
#[derive(Debug, Default)]
pub struct NodeNames {
    names: std::collections::HashMap<(NodeKind, i64), String>,
}

impl NodeNames {
    pub async fn load(conn: &mut sqlx::AnyConnection, org: i64) -> Result<NodeNames, DbError> {
        let mut names = std::collections::HashMap::new();
        for (kind, sql) in [
            (NodeKind::Activity, "SELECT id, name FROM activities WHERE org_id = $1"),
            (NodeKind::System, "SELECT id, name FROM systems WHERE org_id = $1"),
            (NodeKind::Supplier, "SELECT id, name FROM suppliers WHERE org_id = $1"),
            (NodeKind::Resource, "SELECT id, name FROM resources WHERE org_id = $1"),
        ] {
            let rows: Vec<(i64, String)> = sqlx::query_as(sql).bind(org).fetch_all(&mut *conn).await?;
            names.extend(rows.into_iter().map(|(id, name)| ((kind, id), name)));
        }
        Ok(NodeNames { names })
    }

    /// How many nodes of `kind` there are.
    pub fn count(&self, kind: NodeKind) -> usize {
        self.names.keys().filter(|(k, _)| *k == kind).count()
    }

    pub fn name(&self, kind: NodeKind, id: i64) -> Option<&str> {
        self.names.get(&(kind, id)).map(String::as_str)
    }

    /// All nodes of the given kinds, sorted by kind and then name.
    pub fn of_kinds(&self, kinds: &[NodeKind]) -> Vec<(NodeKind, i64, &str)> {
        let mut out: Vec<(NodeKind, i64, &str)> = self
            .names
            .iter()
            .filter(|((k, _), _)| kinds.contains(k))
            .map(|((k, id), n)| (*k, *id, n.as_str()))
            .collect();
        out.sort_by(|a, b| {
            a.0.cmp(&b.0)
                .then_with(|| beredd_domain::sort::swedish_key(a.2).cmp(&beredd_domain::sort::swedish_key(b.2)))
        });
        out
    }

    /// "Larmbesök → Trygghetslarm", for titles and the audit trail.
    pub fn label(&self, d: &Dependency) -> String {
        let end = |kind: NodeKind, id: i64| self.name(kind, id).unwrap_or("?").to_owned();
        format!("{} → {}", end(d.from_kind, d.from_id), end(d.to_kind, d.to_id))
    }
}
