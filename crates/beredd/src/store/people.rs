//! People: the municipality's staff and outside contacts (suppliers, the region, police…).

use serde::Serialize;
use sqlx::{Any, Executor};

use super::{DbError, Referrer, id_names, referrers_at, referrers_from};

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Person {
    pub id: i64,
    #[sqlx(try_from = "super::Code<beredd_domain::ContactKind>")]
    pub kind: beredd_domain::ContactKind,
    pub name: String,
    pub title: Option<String>,
    pub unit_id: Option<i64>,
    pub organisation: Option<String>,
    pub supplier_id: Option<i64>,
    pub work_phone: Option<String>,
    pub private_phone: Option<String>,
    pub email: Option<String>,
    #[sqlx(try_from = "i64")]
    pub reachable_off_hours: super::Flag,
    pub notes: Option<String>,
    /// The employee number (anställningsnummer) from the HR system: what an import matches on.
    pub employee_number: Option<String>,
    pub updated_at: crate::platform::clock::Stamp,
    /// Skyddade personuppgifter (sekretessmarkering, skyddad folkbokföring, fingerade
    /// personuppgifter): left out of binders, kits, lists handed out and the API, and shown only
    /// to those who must reach the person (`services::organisation::protection`). Set only with
    /// `set_protected`, never by an edit or an import.
    #[sqlx(try_from = "i64")]
    pub protected: super::Flag,
}

#[derive(Debug, Clone)]
pub struct PersonInput {
    pub kind: beredd_domain::ContactKind,
    pub name: String,
    pub title: Option<String>,
    pub unit_id: Option<i64>,
    pub organisation: Option<String>,
    pub supplier_id: Option<i64>,
    pub work_phone: Option<String>,
    pub private_phone: Option<String>,
    pub email: Option<String>,
    pub reachable_off_hours: bool,
    pub notes: Option<String>,
    pub employee_number: Option<String>,
}

macro_rules! cols {
    () => {
        "id, kind, name, title, unit_id, organisation, supplier_id, work_phone, private_phone, email, reachable_off_hours, notes, employee_number, updated_at, protected"
    };
}

pub async fn list<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<Person>, DbError> {
    Ok(sqlx::query_as(concat!("SELECT ", cols!(), " FROM people WHERE org_id = $1 ORDER BY name"))
        .bind(org)
        .fetch_all(e)
        .await?)
}

pub async fn get<'c, E: Executor<'c, Database = Any>>(e: E, org: i64, id: i64) -> Result<Option<Person>, DbError> {
    Ok(sqlx::query_as(concat!("SELECT ", cols!(), " FROM people WHERE org_id = $1 AND id = $2"))
        .bind(org)
        .bind(id)
        .fetch_optional(e)
        .await?)
}

/// Binds the input's fields as $1–$12, in the order both statements below name them.
fn bind<'q>(q: super::IdQuery<'q>, p: &PersonInput) -> super::IdQuery<'q> {
    q.bind(p.kind.code())
        .bind(p.name.clone())
        .bind(p.title.clone())
        .bind(p.unit_id)
        .bind(p.organisation.clone())
        .bind(p.supplier_id)
        .bind(p.work_phone.clone())
        .bind(p.private_phone.clone())
        .bind(p.email.clone())
        .bind(super::flag(p.reachable_off_hours))
        .bind(p.notes.clone())
        .bind(p.employee_number.clone())
}

pub async fn insert(conn: &mut sqlx::AnyConnection, org: i64, p: &PersonInput) -> Result<i64, DbError> {
    let q = sqlx::query_as(
        "INSERT INTO people (kind, name, title, unit_id, organisation, supplier_id, work_phone, private_phone, email,
         reachable_off_hours, notes, employee_number, org_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING id",
    );
    let (id,) = bind(q, p).bind(org).bind(crate::platform::clock::stamp()).fetch_one(&mut *conn).await?;
    super::versions::bump(&mut *conn, org).await?;
    Ok(id)
}

pub async fn update(conn: &mut sqlx::AnyConnection, org: i64, id: i64, p: &PersonInput) -> Result<(), DbError> {
    let q = sqlx::query_as(
        "UPDATE people SET kind = $1, name = $2, title = $3, unit_id = $4, organisation = $5, supplier_id = $6, work_phone = $7,
         private_phone = $8, email = $9, reachable_off_hours = $10, notes = $11, employee_number = $12, updated_at = $13 WHERE org_id = $14 AND id = $15
         RETURNING id",
    );
    bind(q, p).bind(crate::platform::clock::stamp()).bind(org).bind(id).fetch_optional(&mut *conn).await?;
    super::versions::bump(&mut *conn, org).await?;
    Ok(())
}

pub async fn delete(conn: &mut sqlx::AnyConnection, org: i64, id: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM people WHERE org_id = $1 AND id = $2").bind(org).bind(id).execute(&mut *conn).await?;
    super::versions::bump(&mut *conn, org).await?;
    Ok(())
}

/// Everything that names this person: units they manage, systems and assets they own, actions,
/// incidents that reached them, recurring work in the yearly cycle and risks they own.
pub async fn referrers(db: &sqlx::AnyPool, org: i64, id: i64) -> Result<Vec<Referrer>, DbError> {
    let mut out = referrers_from(
        id_names(db, "SELECT id, name FROM units WHERE org_id = $1 AND manager_id = $2 ORDER BY name", org, id).await?,
        "ref-unit",
        "units",
    );
    out.extend(referrers_from(
        id_names(db, "SELECT id, name FROM systems WHERE org_id = $1 AND owner_id = $2 ORDER BY name", org, id).await?,
        "ref-system",
        "systems",
    ));
    out.extend(referrers_from(
        id_names(db, "SELECT id, name FROM assets WHERE org_id = $1 AND owner_id = $2 ORDER BY name", org, id).await?,
        "ref-asset",
        "assets",
    ));
    out.extend(referrers_from(
        id_names(db, "SELECT id, title FROM actions WHERE org_id = $1 AND owner_id = $2 ORDER BY id", org, id).await?,
        "ref-action",
        "actions",
    ));
    out.extend(referrers_from(
        id_names(db, "SELECT i.id, i.title FROM incidents i JOIN staff_reached r ON r.incident_id = i.id WHERE i.org_id = $1 AND r.person_id = $2 ORDER BY i.id", org, id).await?,
        "ref-incident",
        "incidents",
    ));
    let sql = "SELECT id, title FROM cycle_items WHERE org_id = $1 AND owner_id = $2 ORDER BY title";
    out.extend(referrers_at(id_names(db, sql, org, id).await?, "ref-cycle-item", |_| "/cycle".into()));
    let sql = "SELECT r.id, a.title || ': ' || r.threat FROM risks r JOIN risk_analyses a ON a.id = r.analysis_id WHERE r.org_id = $1 AND r.owner_id = $2 ORDER BY a.title, r.id";
    out.extend(referrers_at(id_names(db, sql, org, id).await?, "ref-risk", |r| format!("/risks/{r}/edit")));
    let sql = "SELECT id, name FROM organisations WHERE id = $1 AND dpo_person_id = $2";
    out.extend(referrers_at(id_names(db, sql, org, id).await?, "ref-dpo", |_| "/organisation".into()));
    Ok(out)
}

/// Marks the person as having protected personal data, or not.
pub async fn set_protected(conn: &mut sqlx::AnyConnection, org: i64, id: i64, protected: bool) -> Result<(), DbError> {
    sqlx::query("UPDATE people SET protected = $1, updated_at = $2 WHERE org_id = $3 AND id = $4")
        .bind(super::flag(protected))
        .bind(crate::platform::clock::stamp())
        .bind(org)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    super::versions::bump(&mut *conn, org).await?;
    Ok(())
}
