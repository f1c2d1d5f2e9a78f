//! What a plan's page shows: the version on view with its content, every version, where the plan
//! stands, the plans that cover the same units, and for each routine the facts the registers
//! hold about its activity.

use std::collections::HashMap;

use beredd_domain::plan::PlanContent;

use super::{Standing, standings};
use crate::platform::db::DbError;
use crate::platform::i18n::Tr;
use crate::services::continuity::binder;
use crate::services::continuity::overlap::{self, Overlap};
use crate::store::{bia, dependencies, plans, systems};

pub struct Shown {
    pub plan: plans::Plan,
    /// Every version, newest first.
    pub versions: Vec<plans::Version>,
    /// The version on view.
    pub version: plans::Version,
    pub content: PlanContent,
    pub standing: Standing,
    /// Other plans covering some of the plan's units.
    pub overlaps: Vec<Overlap>,
    /// Per routine of the content: its activity's BIA and dependencies, in a line.
    pub facts: Vec<String>,
}

impl Shown {
    pub fn is_newest(&self) -> bool {
        self.versions.first().is_some_and(|v| v.number == self.version.number)
    }
}

/// A fingerprint of a version's content (SHA-256): approving compares the one the user saw with
/// the stored one, since a draft edited in place keeps its number (security review F17).
pub fn fingerprint(v: &plans::Version) -> String {
    crate::store::sessions::hash_token(&v.content)
}

/// The facts line of each routine's activity.
async fn facts(pool: &sqlx::AnyPool, org: i64, content: &PlanContent, tr: &Tr) -> Result<Vec<String>, DbError> {
    let bias: HashMap<i64, bia::Bia> = bia::list(pool, org).await?.into_iter().map(|b| (b.activity_id, b)).collect();
    let deps = dependencies::list(pool, org).await?;
    let system_names: HashMap<i64, String> =
        systems::list(pool, org).await?.into_iter().map(|s| (s.id, s.name)).collect();
    Ok(content.routines.iter().map(|r| binder::facts(tr, r.activity_id, &bias, &deps, &system_names)).collect())
}

/// Plan `id` at version `number` (the newest when none); none when the plan or version is not
/// there.
pub async fn plan(
    pool: &sqlx::AnyPool,
    org: i64,
    id: i64,
    number: Option<i64>,
    tr: &Tr,
) -> Result<Option<Shown>, DbError> {
    let mut conn = pool.acquire().await?;
    let Some(plan) = plans::get(&mut conn, org, id).await? else { return Ok(None) };
    let versions = plans::versions(&mut *conn, org, id).await?;
    drop(conn);
    let Some(newest) = versions.first() else { return Ok(None) };
    let version = match number {
        Some(n) => versions.iter().find(|v| v.number == n),
        None => Some(newest),
    };
    let Some(version) = version.cloned() else { return Ok(None) };
    let content = version.content()?;
    let (every, mut all): (Vec<plans::Plan>, Vec<Standing>) = standings(pool, org).await?.into_iter().unzip();
    let Some(standing) = every.iter().position(|p| p.id == id).map(|i| all.swap_remove(i)) else { return Ok(None) };
    let overlaps = overlap::overlapping(&every, &plan.unit_ids, Some(plan.id));
    let facts = facts(pool, org, &content, tr).await?;
    Ok(Some(Shown { plan, versions, version, content, standing, overlaps, facts }))
}
