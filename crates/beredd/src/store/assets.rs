//! Information assets and their versioned classifications.

use serde::Serialize;
use std::collections::HashMap;

use sqlx::{Any, AnyConnection, Executor};

use super::{DbError, Referrer};

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Classification {
    pub asset_id: i64,
    pub version: i64,
    pub level_k: i64,
    pub level_r: i64,
    pub level_t: i64,
    pub level_s: i64,
    pub why_k: Option<String>,
    pub why_r: Option<String>,
    pub why_t: Option<String>,
    pub why_s: Option<String>,
    pub reason: Option<String>,
    pub classified_by: String,
    pub classified_at: crate::platform::clock::Stamp,
    pub catalogue_version: String,
    /// How it was made.
    #[sqlx(try_from = "super::Code<Origin>")]
    pub origin: Origin,
    /// The day it was made where it came from (KLASSA's date).
    pub source_date: Option<crate::platform::clock::Day>,
}

pub use beredd_domain::classification::Origin;

impl Classification {
    pub fn levels(&self) -> beredd_domain::classification::Levels {
        let l = |v: i64| u8::try_from(v.clamp(0, 4)).unwrap_or(0);
        beredd_domain::classification::Levels {
            k: l(self.level_k),
            r: l(self.level_r),
            t: l(self.level_t),
            s: l(self.level_s),
        }
    }
}

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Asset {
    pub id: i64,
    pub name: String,
    pub description: Option<String>,
    pub owner_id: Option<i64>,
    /// Space-separated legal flag codes.
    pub flags: String,
    pub osl_reference: Option<String>,
    /// Its process code in the municipality's klassificeringsstruktur.
    pub process_code: Option<String>,
    pub updated_at: crate::platform::clock::Stamp,
    /// Its entry in the record of processing (GDPR art. 30), when it holds personal data.
    #[sqlx(flatten)]
    pub gdpr: Gdpr,
    #[sqlx(skip)]
    pub system_ids: Vec<i64>,
    #[sqlx(skip)]
    pub unit_ids: Vec<i64>,
    /// The newest classification, if any.
    #[sqlx(skip)]
    pub current: Option<Classification>,
}

impl Asset {
    pub fn flags(&self) -> Vec<beredd_domain::classification::LegalFlag> {
        self.flags.split_whitespace().filter_map(|f| beredd_domain::classification::LegalFlag::parse(f).ok()).collect()
    }
}

/// An asset's entry in the record of processing (GDPR art. 30.1); codes as in
/// `beredd_domain::gdpr`.
#[derive(Debug, Clone, Default, Serialize, sqlx::FromRow)]
pub struct Gdpr {
    pub gdpr_purpose: Option<String>,
    pub gdpr_legal_basis: Option<String>,
    pub gdpr_special_basis: Option<String>,
    pub gdpr_subjects: Option<String>,
    pub gdpr_data_categories: Option<String>,
    pub gdpr_recipients: Option<String>,
    pub gdpr_transfers: Option<String>,
    pub gdpr_transfer_details: Option<String>,
    pub gdpr_retention: Option<String>,
}

impl Gdpr {
    /// The entry as the domain's rules read it.
    pub fn entry(&self) -> beredd_domain::gdpr::Entry<'_> {
        beredd_domain::gdpr::Entry {
            purpose: self.gdpr_purpose.as_deref(),
            legal_basis: self.gdpr_legal_basis.as_deref(),
            special_basis: self.gdpr_special_basis.as_deref(),
            subjects: self.gdpr_subjects.as_deref(),
            data_categories: self.gdpr_data_categories.as_deref(),
            recipients: self.gdpr_recipients.as_deref(),
            transfers: self.gdpr_transfers.as_deref(),
            transfer_details: self.gdpr_transfer_details.as_deref(),
            retention: self.gdpr_retention.as_deref(),
            ..Default::default()
        }
    }
}

#[derive(Debug, Clone)]
pub struct AssetInput {
    pub name: String,
    pub description: Option<String>,
    pub owner_id: Option<i64>,
    pub flags: Vec<beredd_domain::classification::LegalFlag>,
    pub osl_reference: Option<String>,
    pub process_code: Option<String>,
    pub system_ids: Vec<i64>,
    pub unit_ids: Vec<i64>,
    pub gdpr: Gdpr,
}

#[derive(Debug, Clone)]
pub struct ClassificationInput {
    pub levels: beredd_domain::classification::Levels,
    pub why: [Option<String>; 4],
    pub reason: Option<String>,
    pub origin: Origin,
    /// The day it was made where it came from (KLASSA's date).
    pub source_date: Option<crate::platform::clock::Day>,
}

impl ClassificationInput {
    /// A classification made in Beredd.
    pub fn beredd(
        levels: beredd_domain::classification::Levels,
        why: [Option<String>; 4],
        reason: Option<String>,
    ) -> Self {
        ClassificationInput { levels, why, reason, origin: Origin::Beredd, source_date: None }
    }
}

macro_rules! cols {
    () => {
        "id, name, description, owner_id, flags, osl_reference, process_code, updated_at, gdpr_purpose, gdpr_legal_basis, gdpr_special_basis, gdpr_subjects, gdpr_data_categories, gdpr_recipients, gdpr_transfers, gdpr_transfer_details, gdpr_retention"
    };
}
macro_rules! ccols {
    () => {
        "asset_id, version, level_k, level_r, level_t, level_s, why_k, why_r, why_t, why_s, reason, classified_by, classified_at, catalogue_version, origin, source_date"
    };
}

/// Every asset with its links and newest classification.
pub async fn list(db: &sqlx::AnyPool, org: i64) -> Result<Vec<Asset>, DbError> {
    list_in(&mut *db.acquire().await?, org).await
}

/// The same on one connection (inside a transaction).
pub async fn list_in(db: &mut AnyConnection, org: i64) -> Result<Vec<Asset>, DbError> {
    read(db, org, &ALL, None).await
}

/// The assets held in `system`, by name, with their links and newest classification: four
/// statements however many there are.
pub async fn held_in(db: &mut AnyConnection, org: i64, system: i64) -> Result<Vec<Asset>, DbError> {
    read(db, org, &HELD, Some(system)).await
}

/// The statements that read assets (by name), their links to systems and units, and their
/// newest classifications; `$1` is the organisation, and `$2`, when they take it, a system.
struct Reads {
    assets: &'static str,
    systems: &'static str,
    units: &'static str,
    current: &'static str,
}

macro_rules! reads {
    ($cond:literal) => {
        Reads {
            assets: concat!("SELECT ", cols!(), " FROM assets a WHERE a.org_id = $1", $cond, " ORDER BY a.name"),
            systems: concat!(
                "SELECT l.asset_id, l.system_id FROM asset_systems l JOIN assets a ON a.id = l.asset_id WHERE a.org_id = $1",
                $cond
            ),
            units: concat!(
                "SELECT l.asset_id, l.unit_id FROM asset_units l JOIN assets a ON a.id = l.asset_id WHERE a.org_id = $1",
                $cond
            ),
            current: concat!(
                "SELECT ",
                ccols!(),
                " FROM classifications c WHERE c.org_id = $1 AND c.version = (SELECT MAX(c2.version) FROM classifications c2 WHERE c2.asset_id = c.asset_id)",
                " AND c.asset_id IN (SELECT a.id FROM assets a WHERE a.org_id = $1",
                $cond,
                ")"
            ),
        }
    };
}

const ALL: Reads = reads!("");
const HELD: Reads = reads!(" AND a.id IN (SELECT asset_id FROM asset_systems WHERE system_id = $2)");

async fn read(db: &mut AnyConnection, org: i64, sql: &Reads, system: Option<i64>) -> Result<Vec<Asset>, DbError> {
    macro_rules! fetch {
        ($sql:expr) => {{
            let q = sqlx::query_as($sql).bind(org);
            match system {
                Some(s) => q.bind(s),
                None => q,
            }
            .fetch_all(&mut *db)
            .await?
        }};
    }
    let mut assets: Vec<Asset> = fetch!(sql.assets);
    let systems: Vec<(i64, i64)> = fetch!(sql.systems);
    let units: Vec<(i64, i64)> = fetch!(sql.units);
    let current: Vec<Classification> = fetch!(sql.current);
    let mut current: HashMap<i64, Classification> = current.into_iter().map(|c| (c.asset_id, c)).collect();
    let (mut system_ids, mut unit_ids) = (HashMap::<i64, Vec<i64>>::new(), HashMap::<i64, Vec<i64>>::new());
    for (a, s) in systems {
        system_ids.entry(a).or_default().push(s);
    }
    for (a, u) in units {
        unit_ids.entry(a).or_default().push(u);
    }
    for a in &mut assets {
        a.system_ids = system_ids.remove(&a.id).unwrap_or_default();
        a.system_ids.sort_unstable();
        a.unit_ids = unit_ids.remove(&a.id).unwrap_or_default();
        a.unit_ids.sort_unstable();
        a.current = current.remove(&a.id);
    }
    Ok(assets)
}

/// The assets nobody has classified yet, by name: (id, name).
pub async fn unclassified<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<(i64, String)>, DbError> {
    Ok(sqlx::query_as(
        "SELECT a.id, a.name FROM assets a WHERE a.org_id = $1
         AND NOT EXISTS (SELECT 1 FROM classifications c WHERE c.asset_id = a.id) ORDER BY a.name",
    )
    .bind(org)
    .fetch_all(e)
    .await?)
}

/// The newest classification of every asset of the organisation.
pub async fn latest<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<Classification>, DbError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        ccols!(),
        " FROM classifications c WHERE c.org_id = $1 AND c.version = (SELECT MAX(c2.version) FROM classifications c2 WHERE c2.asset_id = c.asset_id)"
    ))
    .bind(org)
    .fetch_all(e)
    .await?)
}

/// When each asset of the organisation was added: (asset id, `created_at`).
pub async fn added<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
) -> Result<Vec<(i64, crate::platform::clock::Stamp)>, DbError> {
    Ok(sqlx::query_as("SELECT id, created_at FROM assets WHERE org_id = $1").bind(org).fetch_all(e).await?)
}

/// Every classification of every asset of the organisation, oldest first.
pub async fn all_versions<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Vec<Classification>, DbError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        ccols!(),
        " FROM classifications WHERE org_id = $1 ORDER BY asset_id, version"
    ))
    .bind(org)
    .fetch_all(e)
    .await?)
}

pub async fn versions<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    asset: i64,
) -> Result<Vec<Classification>, DbError> {
    Ok(sqlx::query_as(concat!(
        "SELECT ",
        ccols!(),
        " FROM classifications WHERE org_id = $1 AND asset_id = $2 ORDER BY version DESC"
    ))
    .bind(org)
    .bind(asset)
    .fetch_all(e)
    .await?)
}

pub async fn get(conn: &mut AnyConnection, org: i64, id: i64) -> Result<Option<Asset>, DbError> {
    let asset: Option<Asset> =
        sqlx::query_as(concat!("SELECT ", cols!(), " FROM assets WHERE org_id = $1 AND id = $2"))
            .bind(org)
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?;
    let Some(mut asset) = asset else { return Ok(None) };
    let ids = |rows: Vec<(i64,)>| rows.into_iter().map(|r| r.0).collect::<Vec<_>>();
    asset.system_ids =
        ids(sqlx::query_as("SELECT system_id FROM asset_systems WHERE asset_id = $1 ORDER BY system_id")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?);
    asset.unit_ids = ids(sqlx::query_as("SELECT unit_id FROM asset_units WHERE asset_id = $1 ORDER BY unit_id")
        .bind(id)
        .fetch_all(&mut *conn)
        .await?);
    asset.current = versions(&mut *conn, org, id).await?.into_iter().next();
    Ok(Some(asset))
}

async fn set_gdpr(conn: &mut AnyConnection, id: i64, g: &Gdpr) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE assets SET gdpr_purpose = $1, gdpr_legal_basis = $2, gdpr_special_basis = $3, gdpr_subjects = $4,
         gdpr_data_categories = $5, gdpr_recipients = $6, gdpr_transfers = $7, gdpr_transfer_details = $8,
         gdpr_retention = $9 WHERE id = $10",
    )
    .bind(g.gdpr_purpose.clone())
    .bind(g.gdpr_legal_basis.clone())
    .bind(g.gdpr_special_basis.clone())
    .bind(g.gdpr_subjects.clone())
    .bind(g.gdpr_data_categories.clone())
    .bind(g.gdpr_recipients.clone())
    .bind(g.gdpr_transfers.clone())
    .bind(g.gdpr_transfer_details.clone())
    .bind(g.gdpr_retention.clone())
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

async fn set_links(conn: &mut AnyConnection, id: i64, a: &AssetInput) -> Result<(), DbError> {
    set_gdpr(conn, id, &a.gdpr).await?;
    super::replace_links(
        conn,
        "DELETE FROM asset_systems WHERE asset_id = $1",
        "INSERT INTO asset_systems (asset_id, system_id) VALUES ($1, $2)",
        id,
        &a.system_ids,
    )
    .await?;
    super::replace_links(
        conn,
        "DELETE FROM asset_units WHERE asset_id = $1",
        "INSERT INTO asset_units (asset_id, unit_id) VALUES ($1, $2)",
        id,
        &a.unit_ids,
    )
    .await
}

/// Binds the input's fields as $1–$6, in the order both statements below name them.
fn bind<'q>(q: super::IdQuery<'q>, a: &AssetInput) -> super::IdQuery<'q> {
    let flags: Vec<&str> = a.flags.iter().map(|f| f.code()).collect();
    q.bind(a.name.clone())
        .bind(a.description.clone())
        .bind(a.owner_id)
        .bind(flags.join(" "))
        .bind(a.osl_reference.clone())
        .bind(a.process_code.clone())
}

pub async fn insert(conn: &mut AnyConnection, org: i64, a: &AssetInput) -> Result<i64, DbError> {
    let q = sqlx::query_as(
        "INSERT INTO assets (name, description, owner_id, flags, osl_reference, process_code, org_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
    );
    let (id,) = bind(q, a).bind(org).bind(crate::platform::clock::stamp()).fetch_one(&mut *conn).await?;
    set_links(conn, id, a).await?;
    Ok(id)
}

pub async fn update(conn: &mut AnyConnection, org: i64, id: i64, a: &AssetInput) -> Result<(), DbError> {
    let q = sqlx::query_as(
        "UPDATE assets SET name = $1, description = $2, owner_id = $3, flags = $4, osl_reference = $5, process_code = $6,
         updated_at = $7 WHERE org_id = $8 AND id = $9 RETURNING id",
    );
    if bind(q, a).bind(crate::platform::clock::stamp()).bind(org).bind(id).fetch_optional(&mut *conn).await?.is_some() {
        set_links(conn, id, a).await?;
    }
    Ok(())
}

pub async fn delete(conn: &mut AnyConnection, org: i64, id: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM assets WHERE org_id = $1 AND id = $2").bind(org).bind(id).execute(&mut *conn).await?;
    Ok(())
}

/// Sets an asset's process code (the KLASSA import's; the form sets it with the rest).
pub async fn set_process_code(conn: &mut AnyConnection, org: i64, id: i64, code: &str) -> Result<(), DbError> {
    sqlx::query("UPDATE assets SET process_code = $1, updated_at = $2 WHERE org_id = $3 AND id = $4")
        .bind(code)
        .bind(crate::platform::clock::stamp())
        .bind(org)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Stores a new version of the asset's classification and returns its number.
pub async fn classify(
    conn: &mut AnyConnection,
    org: i64,
    asset: i64,
    c: &ClassificationInput,
    by: &str,
    catalogue_version: &str,
) -> Result<i64, DbError> {
    // The asset's row first: two classifications saved at once on PostgreSQL would otherwise
    // read the same highest version and the second fail on the unique key (SQLite's write lock
    // already makes them take turns). The lock lasts until the caller's transaction ends.
    sqlx::query("UPDATE assets SET org_id = org_id WHERE org_id = $1 AND id = $2")
        .bind(org)
        .bind(asset)
        .execute(&mut *conn)
        .await?;
    let (max,): (Option<i64>,) = sqlx::query_as("SELECT MAX(version) FROM classifications WHERE asset_id = $1")
        .bind(asset)
        .fetch_one(&mut *conn)
        .await?;
    let version = max.unwrap_or(0) + 1;
    sqlx::query(
        "INSERT INTO classifications (org_id, asset_id, version, level_k, level_r, level_t, level_s, why_k, why_r, why_t, why_s, reason,
         classified_by, classified_at, catalogue_version, origin, source_date)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)",
    )
    .bind(org)
    .bind(asset)
    .bind(version)
    .bind(i64::from(c.levels.k))
    .bind(i64::from(c.levels.r))
    .bind(i64::from(c.levels.t))
    .bind(i64::from(c.levels.s))
    .bind(c.why[0].clone())
    .bind(c.why[1].clone())
    .bind(c.why[2].clone())
    .bind(c.why[3].clone())
    .bind(c.reason.clone())
    .bind(by)
    .bind(crate::platform::clock::stamp())
    .bind(catalogue_version)
    .bind(c.origin.code())
    .bind(c.source_date)
    .execute(&mut *conn)
    .await?;
    Ok(version)
}

/// Nothing points to an asset: its classifications belong to it.
pub async fn referrers(_db: &sqlx::AnyPool, _org: i64, _id: i64) -> Result<Vec<Referrer>, DbError> {
    Ok(Vec::new())
}
