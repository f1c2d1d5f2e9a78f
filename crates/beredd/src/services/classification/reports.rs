//! What the printed classification outputs hold: the procurement requirement specification of a
//! system (the requirements its information yields, by area), and the classification report of a
//! unit with everything under it, or of the whole organisation.

use std::collections::HashMap;

use beredd_domain::classification::{LegalFlag, Levels};
use beredd_domain::{Fulfilment, tree};

use super::required::{required, required_from};
use crate::content::catalogue::{Area, Catalogue, Requirement};
use crate::platform::db::DbError;
use crate::store::orgs::{self, Organisation};
use crate::store::{assessments, assets, systems, units};

pub struct Procurement<'a> {
    pub system: systems::System,
    pub org: Organisation,
    pub levels: Levels,
    pub flags: Vec<LegalFlag>,
    /// The areas with requirements for the system, each with them, in the catalogue's order.
    pub groups: Vec<(&'a Area, Vec<&'a Requirement>)>,
}

/// The procurement specification of the organisation's system `id`, or `None` without one.
pub async fn procurement<'a>(
    pool: &sqlx::AnyPool,
    c: &'a Catalogue,
    org: i64,
    id: i64,
) -> Result<Option<Procurement<'a>>, DbError> {
    let mut conn = pool.acquire().await?;
    let Some(system) = systems::get(&mut conn, org, id).await? else { return Ok(None) };
    let Some(org_row) = orgs::get(&mut *conn, org).await? else { return Ok(None) };
    drop(conn);
    let (levels, flags) = required(pool, org, id).await?;
    let of = |area: &Area| -> Vec<&'a Requirement> {
        c.requirements.iter().filter(|r| r.area == area.id && r.applies.holds(&levels, &flags)).collect()
    };
    let groups = c.areas.iter().map(|a| (a, of(a))).filter(|(_, reqs)| !reqs.is_empty()).collect();
    Ok(Some(Procurement { system, org: org_row, levels, flags, groups }))
}

/// A system holding information in a report's scope, with what it must meet and has met.
pub struct SystemFulfilment {
    pub name: String,
    pub levels: Levels,
    /// Its derived requirements answered as met or not applicable.
    pub met: usize,
    pub derived: usize,
}

pub struct ClassificationReport {
    pub org: Organisation,
    /// The unit reported on; the whole organisation without one.
    pub unit: Option<units::Unit>,
    /// The information assets of the unit and the units under it (all without a unit).
    pub assets: Vec<assets::Asset>,
    /// Every system's name, by id.
    pub system_names: HashMap<i64, String>,
    /// The systems that hold any of the assets.
    pub systems: Vec<SystemFulfilment>,
}

fn fulfilment(
    c: &Catalogue,
    all_assets: &[assets::Asset],
    done: &[assessments::Assessment],
    s: &systems::System,
) -> SystemFulfilment {
    let (levels, flags) = required_from(all_assets, s.id);
    let derived: Vec<&str> =
        c.requirements.iter().filter(|r| r.applies.holds(&levels, &flags)).map(|r| r.id.as_str()).collect();
    let met = done
        .iter()
        .filter(|a| {
            a.system_id == s.id
                && derived.contains(&a.requirement_id.as_str())
                && matches!(a.status, Fulfilment::Fulfilled | Fulfilment::NotApplicable)
        })
        .count();
    SystemFulfilment { name: s.name.clone(), levels, met, derived: derived.len() }
}

/// The report on the organisation's unit `unit` (or the whole organisation), or `None` when the
/// organisation or the unit is not there.
pub async fn classification(
    pool: &sqlx::AnyPool,
    c: &Catalogue,
    org: i64,
    unit: Option<i64>,
) -> Result<Option<ClassificationReport>, DbError> {
    let all_units = units::list(pool, org).await?;
    let unit = match unit {
        None => None,
        Some(id) => match all_units.iter().find(|u| u.id == id) {
            Some(u) => Some(u.clone()),
            None => return Ok(None),
        },
    };
    let Some(org_row) = orgs::get(pool, org).await? else { return Ok(None) };
    let parents: HashMap<i64, Option<i64>> = all_units.iter().map(|u| (u.id, u.parent_id)).collect();
    let in_scope = |ids: &[i64]| match &unit {
        None => true,
        Some(root) => ids.iter().any(|u| *u == root.id || tree::ancestors(&parents, *u).contains(&root.id)),
    };
    let all_assets = assets::list(pool, org).await?;
    let all_systems = systems::list(pool, org).await?;
    let done = assessments::list(pool, org).await?;
    let scoped: Vec<assets::Asset> = all_assets.iter().filter(|a| in_scope(&a.unit_ids)).cloned().collect();
    let systems = all_systems
        .iter()
        .filter(|s| scoped.iter().any(|a| a.system_ids.contains(&s.id)))
        .map(|s| fulfilment(c, &all_assets, &done, s))
        .collect();
    let system_names = all_systems.into_iter().map(|s| (s.id, s.name)).collect();
    Ok(Some(ClassificationReport { org: org_row, unit, assets: scoped, system_names, systems }))
}
