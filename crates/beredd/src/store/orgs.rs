//! The organisation and the database's own facts (demo marker).

use serde::Serialize;
use sqlx::{Any, Executor};

use super::DbError;

#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Organisation {
    pub id: i64,
    pub name: String,
    pub org_number: Option<String>,
    pub created_at: crate::platform::clock::Stamp,
    /// Where the keys that sign incident logs are kept (a place, never the key).
    pub keys_kept: Option<String>,
    /// Where the backups' passphrase is kept.
    pub backup_kept: Option<String>,
    /// Where the break-glass accounts' passwords are kept.
    pub break_glass_kept: Option<String>,
    /// The data protection officer: a person in the register.
    pub dpo_person_id: Option<i64>,
    /// Which local accounts must use a second factor.
    #[sqlx(try_from = "i64")]
    pub second_factor_required: SecondFactorRule,
    /// The short name in its address (`/o/<slug>`), unique in the installation.
    pub slug: String,
    /// A host name of its own, if it has one (`beredd.kalix.se`).
    pub host: Option<String>,
    /// When the platform administrator suspended it: nobody of it logs in then.
    pub suspended_at: Option<crate::platform::clock::Stamp>,
}

macro_rules! org_cols {
    () => {
        "id, name, org_number, created_at, keys_kept, backup_kept, break_glass_kept, dpo_person_id, second_factor_required, slug, host, suspended_at"
    };
}

/// Which local accounts the organisation requires a second factor of (stored 0, 2, 1: the
/// column was a yes/no flag before break-glass accounts could be chosen alone).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SecondFactorRule {
    /// None: each user chooses.
    #[default]
    Nobody,
    /// The break-glass accounts (those that log in while single sign-on is configured).
    BreakGlass,
    /// Every local account.
    AllLocal,
}

impl SecondFactorRule {
    pub const ALL: [SecondFactorRule; 3] =
        [SecondFactorRule::Nobody, SecondFactorRule::BreakGlass, SecondFactorRule::AllLocal];

    pub fn code(self) -> &'static str {
        match self {
            SecondFactorRule::Nobody => "nobody",
            SecondFactorRule::BreakGlass => "break-glass",
            SecondFactorRule::AllLocal => "all-local",
        }
    }

    pub fn parse(code: &str) -> Option<SecondFactorRule> {
        SecondFactorRule::ALL.into_iter().find(|r| r.code() == code)
    }

    fn stored(self) -> i64 {
        match self {
            SecondFactorRule::Nobody => 0,
            SecondFactorRule::AllLocal => 1,
            SecondFactorRule::BreakGlass => 2,
        }
    }

    /// Whether a local account (a break-glass one or not) must have a second factor.
    pub fn requires(self, break_glass: bool) -> bool {
        match self {
            SecondFactorRule::Nobody => false,
            SecondFactorRule::BreakGlass => break_glass,
            SecondFactorRule::AllLocal => true,
        }
    }
}

impl TryFrom<i64> for SecondFactorRule {
    type Error = DbError;

    fn try_from(v: i64) -> Result<Self, DbError> {
        match v {
            0 => Ok(SecondFactorRule::Nobody),
            1 => Ok(SecondFactorRule::AllLocal),
            2 => Ok(SecondFactorRule::BreakGlass),
            other => Err(DbError::Corrupt(format!("organisations.second_factor_required = {other}"))),
        }
    }
}

/// A new organisation with the short name `slug` (see `beredd_domain::hosting`).
pub async fn create<'c, E: Executor<'c, Database = Any>>(
    e: E,
    name: &str,
    org_number: Option<&str>,
    slug: &str,
) -> Result<i64, DbError> {
    let (id,): (i64,) = sqlx::query_as(
        "INSERT INTO organisations (name, org_number, created_at, slug) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(name)
    .bind(org_number)
    .bind(crate::platform::clock::stamp())
    .bind(slug)
    .fetch_one(e)
    .await?;
    Ok(id)
}

/// The short names already taken, for choosing a free one.
pub async fn slugs<'c, E: Executor<'c, Database = Any>>(e: E) -> Result<Vec<String>, DbError> {
    let rows: Vec<(String,)> = sqlx::query_as("SELECT slug FROM organisations ORDER BY slug").fetch_all(e).await?;
    Ok(rows.into_iter().map(|r| r.0).collect())
}

pub async fn get<'c, E: Executor<'c, Database = Any>>(e: E, id: i64) -> Result<Option<Organisation>, DbError> {
    Ok(sqlx::query_as(concat!("SELECT ", org_cols!(), " FROM organisations WHERE id = $1"))
        .bind(id)
        .fetch_optional(e)
        .await?)
}

/// The organisation with the short name `slug`.
pub async fn by_slug<'c, E: Executor<'c, Database = Any>>(e: E, slug: &str) -> Result<Option<Organisation>, DbError> {
    Ok(sqlx::query_as(concat!("SELECT ", org_cols!(), " FROM organisations WHERE slug = $1"))
        .bind(slug)
        .fetch_optional(e)
        .await?)
}

/// The organisation served under the host name `host` (compared in lower case, without a port).
pub async fn by_host<'c, E: Executor<'c, Database = Any>>(e: E, host: &str) -> Result<Option<Organisation>, DbError> {
    let host = host.split(':').next().unwrap_or_default().to_ascii_lowercase();
    Ok(sqlx::query_as(concat!("SELECT ", org_cols!(), " FROM organisations WHERE host = $1"))
        .bind(host)
        .fetch_optional(e)
        .await?)
}

/// Every organisation of the installation, by name.
pub async fn list<'c, E: Executor<'c, Database = Any>>(e: E) -> Result<Vec<Organisation>, DbError> {
    Ok(sqlx::query_as(concat!("SELECT ", org_cols!(), " FROM organisations ORDER BY name, id")).fetch_all(e).await?)
}

/// Counts of one organisation for the platform administrator and the metrics: nothing of its
/// content, only how many.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Counts {
    pub org_id: i64,
    pub slug: String,
    /// Its accounts, active or not.
    pub users: i64,
    /// Its sessions not yet expired.
    pub sessions: i64,
}

/// Every organisation's counts, by id.
pub async fn counts<'c, E: Executor<'c, Database = Any>>(e: E) -> Result<Vec<Counts>, DbError> {
    Ok(sqlx::query_as(
        "SELECT o.id AS org_id, o.slug,
           (SELECT COUNT(*) FROM users u WHERE u.org_id = o.id) AS users,
           (SELECT COUNT(*) FROM sessions s JOIN users u ON u.id = s.user_id
             WHERE u.org_id = o.id AND s.expires_at > $1) AS sessions
         FROM organisations o ORDER BY o.id",
    )
    .bind(crate::platform::clock::stamp())
    .fetch_all(e)
    .await?)
}

/// The first organisation, which a single-organisation installation serves.
pub async fn first<'c, E: Executor<'c, Database = Any>>(e: E) -> Result<Option<Organisation>, DbError> {
    Ok(sqlx::query_as(concat!("SELECT ", org_cols!(), " FROM organisations ORDER BY id LIMIT 1"))
        .fetch_optional(e)
        .await?)
}

/// Suspends the organisation (`Some(stamp)`) or lifts the suspension (`None`).
pub async fn set_suspended<'c, E: Executor<'c, Database = Any>>(
    e: E,
    id: i64,
    at: Option<&str>,
) -> Result<(), DbError> {
    sqlx::query("UPDATE organisations SET suspended_at = $1 WHERE id = $2").bind(at).bind(id).execute(e).await?;
    Ok(())
}

/// Sets the organisation's own host name (lower case), or none.
pub async fn set_host<'c, E: Executor<'c, Database = Any>>(e: E, id: i64, host: Option<&str>) -> Result<(), DbError> {
    sqlx::query("UPDATE organisations SET host = $1 WHERE id = $2")
        .bind(host.map(str::to_ascii_lowercase))
        .bind(id)
        .execute(e)
        .await?;
    Ok(())
}

pub async fn update<'c, E: Executor<'c, Database = Any>>(
    e: E,
    id: i64,
    name: &str,
    org_number: Option<&str>,
) -> Result<(), DbError> {
    sqlx::query("UPDATE organisations SET name = $1, org_number = $2 WHERE id = $3")
        .bind(name)
        .bind(org_number)
        .bind(id)
        .execute(e)
        .await?;
    Ok(())
}

/// Where the keys, the backup passphrase and the break-glass accounts are kept, in that order.
pub async fn set_safekeeping<'c, E: Executor<'c, Database = Any>>(
    e: E,
    id: i64,
    kept: [Option<&str>; 3],
) -> Result<(), DbError> {
    sqlx::query("UPDATE organisations SET keys_kept = $1, backup_kept = $2, break_glass_kept = $3 WHERE id = $4")
        .bind(kept[0])
        .bind(kept[1])
        .bind(kept[2])
        .bind(id)
        .execute(e)
        .await?;
    Ok(())
}

pub async fn meta<'c, E: Executor<'c, Database = Any>>(e: E, key: &str) -> Result<Option<String>, DbError> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT value FROM meta WHERE key = $1").bind(key).fetch_optional(e).await?;
    Ok(row.map(|r| r.0))
}

pub async fn set_meta<'c, E: Executor<'c, Database = Any>>(e: E, key: &str, value: &str) -> Result<(), DbError> {
    sqlx::query("INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .bind(key)
        .bind(value)
        .execute(e)
        .await?;
    Ok(())
}

/// Claims the scheduled job `job` for `secs` seconds, for the process `holder`: true for the one
/// process that gets it while the claim of another has not run out. Several processes serving
/// one database thus run a scheduled job once, not once each (kept in `meta` as
/// `lease:<job>` = "<until> <holder>", compared as text: the stamps sort as times).
pub async fn claim<'c, E: Executor<'c, Database = Any>>(
    e: E,
    job: &str,
    holder: &str,
    secs: i64,
) -> Result<bool, DbError> {
    let now = crate::platform::clock::stamp();
    let value = format!("{} {holder}", crate::platform::clock::stamp_in(secs));
    let done = sqlx::query(
        "INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value
         WHERE meta.value < $3 OR meta.value LIKE $4",
    )
    .bind(format!("lease:{job}"))
    .bind(value)
    .bind(now)
    .bind(format!("% {holder}"))
    .execute(e)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Names the data protection officer (a person in the register), or no one.
pub async fn set_dpo<'c, E: Executor<'c, Database = Any>>(e: E, id: i64, person: Option<i64>) -> Result<(), DbError> {
    sqlx::query("UPDATE organisations SET dpo_person_id = $1 WHERE id = $2").bind(person).bind(id).execute(e).await?;
    Ok(())
}

/// Which local accounts must use a second factor.
pub async fn set_second_factor_required<'c, E: Executor<'c, Database = Any>>(
    e: E,
    id: i64,
    rule: SecondFactorRule,
) -> Result<(), DbError> {
    sqlx::query("UPDATE organisations SET second_factor_required = $1 WHERE id = $2")
        .bind(rule.stored())
        .bind(id)
        .execute(e)
        .await?;
    Ok(())
}

/// What the organisation has decided about keeping personal data (`migrations/0042`): after how
/// many months a closed incident is thinned and by which decision, and when the offline kits'
/// passphrase was last confirmed changed.
#[derive(Debug, Clone, Serialize, sqlx::FromRow)]
pub struct Retention {
    pub retention_months: i64,
    /// The decision thinning follows (a diarienummer or a paragraph of the records management
    /// plan), written into every thinned entry. None: nothing is thinned.
    pub retention_decision: Option<String>,
    /// The day (despite the column's name, a day, not a time).
    pub kit_passphrase_changed_at: Option<crate::platform::clock::Day>,
    pub kit_passphrase_changed_by: Option<String>,
}

pub async fn retention<'c, E: Executor<'c, Database = Any>>(e: E, org: i64) -> Result<Retention, DbError> {
    let found: Option<Retention> = sqlx::query_as(
        "SELECT retention_months, retention_decision, kit_passphrase_changed_at, kit_passphrase_changed_by FROM organisations WHERE id = $1",
    )
    .bind(org)
    .fetch_optional(e)
    .await?;
    found.ok_or_else(|| DbError::Corrupt(format!("organisation {org} is missing")))
}

/// Sets the months after which closed incidents are thinned, and the decision it follows.
pub async fn set_retention<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    months: i64,
    decision: Option<&str>,
) -> Result<(), DbError> {
    sqlx::query("UPDATE organisations SET retention_months = $1, retention_decision = $2 WHERE id = $3")
        .bind(months)
        .bind(decision)
        .bind(org)
        .execute(e)
        .await?;
    Ok(())
}

/// Records that the offline kits' passphrase was changed on `date` (confirmed by `by`).
pub async fn set_kit_passphrase_changed<'c, E: Executor<'c, Database = Any>>(
    e: E,
    org: i64,
    date: crate::platform::clock::Day,
    by: &str,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE organisations SET kit_passphrase_changed_at = $1, kit_passphrase_changed_by = $2 WHERE id = $3",
    )
    .bind(date)
    .bind(by)
    .bind(org)
    .execute(e)
    .await?;
    Ok(())
}
